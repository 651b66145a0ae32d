// visit_note_signer: batch-signs a provider's finished visit notes.
//
// Providers mark notes "ready to sign" in our scribe tool; at the end of the
// day this job signs them in Elation as that provider (impersonation).
//
//   visit_note_signer --api https://app.elationemr.com/api/2.0 --provider 31337 --user 2231
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

namespace {

const QStringList kScopeResources = {"visit_notes", "visit_note_templates"};

QByteArray runSync(QNetworkReply* r) {
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QByteArray body = r->readAll();
    r->deleteLater();
    return body;
}

}  // namespace

class NoteSigner {
public:
    NoteSigner(QString api, QString actingUser) : api_(std::move(api)), actingUser_(std::move(actingUser)) {}

    bool login(const QString& user, const QString& password, const QString& clientId, const QString& secret) {
        QStringList scopes;
        for (const QString& r : kScopeResources) scopes << "system/" + r + ".read";
        scopes << "system/visit_notes.write" << "act_as_user";
        QUrlQuery form;
        form.addQueryItem("grant_type", "password");
        form.addQueryItem("username", user);
        form.addQueryItem("password", password);
        form.addQueryItem("scope", scopes.join(QLatin1Char(' ')));
        QNetworkRequest req(QUrl(api_ + "/oauth2/token/"));
        req.setRawHeader("Authorization", "Basic " + (clientId + ":" + secret).toUtf8().toBase64());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QByteArray body = runSync(nam_.post(req, form.query(QUrl::FullyEncoded).toUtf8()));  // expect-warning [unused-scope] {{system/visit_note_templates.read}}
        bearer_ = "Bearer " + QJsonDocument::fromJson(body).object().value("access_token").toString().toUtf8();
        return bearer_.size() > 7;
    }

    void forEachUnsigned(const QString& provider, const std::function<void(const QJsonObject&)>& fn) {
        QUrl url(api_ + "/visit_notes/");
        QUrlQuery q;
        q.addQueryItem("physician", provider);
        q.addQueryItem("unsigned", "true");
        url.setQuery(q);
        while (!url.isEmpty()) {
            QNetworkRequest req = authed(url);
            QJsonObject page = QJsonDocument::fromJson(runSync(nam_.get(req))).object();  // api: GET /api/2.0/visit_notes/
            for (const auto& v : page.value("results").toArray()) fn(v.toObject());
            url = QUrl(page.value("next").toString());
        }
    }

    bool sign(int noteId, const QString& provider) {
        QNetworkRequest req = authed(QUrl(api_ + QString("/visit_notes/%1/").arg(noteId)));
        req.setRawHeader("X-On-Behalf-Of", actingUser_.toUtf8());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QJsonObject patch{{"signed_by", provider.toInt()},
                          {"signed_date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        QNetworkReply* r = nam_.sendCustomRequest(req, "PATCH", QJsonDocument(patch).toJson());  // api: PATCH /api/2.0/visit_notes/{id}/
        runSync(r);
        return r->error() == QNetworkReply::NoError;
    }

private:
    QNetworkRequest authed(const QUrl& url) const {
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", bearer_);
        return req;
    }

    QString api_;
    QString actingUser_;
    QByteArray bearer_;
    QNetworkAccessManager nam_;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption apiOpt("api", "API root", "url", "https://sandbox.elationemr.com/api/2.0");
    QCommandLineOption providerOpt("provider", "physician id", "id");
    QCommandLineOption userOpt("user", "user id to act as", "id");
    parser.addOptions({apiOpt, providerOpt, userOpt});
    parser.process(app);

    NoteSigner signer(parser.value(apiOpt), parser.value(userOpt));
    if (!signer.login(qEnvironmentVariable("ELATION_USER"), qEnvironmentVariable("ELATION_PASSWORD"),
                      qEnvironmentVariable("ELATION_CLIENT_ID"), qEnvironmentVariable("ELATION_CLIENT_SECRET")))
        return 1;

    int signedCount = 0;
    const QString provider = parser.value(providerOpt);
    signer.forEachUnsigned(provider, [&](const QJsonObject& note) {
        if (note.value("tags").toArray().contains(QJsonValue("ready-to-sign")) &&
            signer.sign(note.value("id").toInt(), provider))
            ++signedCount;
    });
    qInfo("signed %d notes", signedCount);
    return 0;
}
