// visit_note_signer: signs the unsigned nurse-visit notes covered by a
// physician's standing order. Runs as that physician (X-On-Behalf-Of) so the
// signature is theirs, not the integration user's.
//
// Settings (QSettings "NorthClinic"/"visit-note-signer"):
//   elation/baseUrl, elation/clientId, elation/clientSecret,
//   signer/physicianId, signer/userId, signer/noteTemplate
#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtCore/QStringList>
#include <QtCore/QTextStream>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

class NoteSigner {
public:
    NoteSigner(const QSettings& settings)
        : base_(settings.value("elation/baseUrl", "https://sandbox.elationemr.com/api/2.0").toString()),
          clientId_(settings.value("elation/clientId").toString()),
          clientSecret_(settings.value("elation/clientSecret").toString()),
          physicianId_(settings.value("signer/physicianId").toLongLong()),
          userId_(settings.value("signer/userId").toLongLong()),
          template_(settings.value("signer/noteTemplate", "Nurse Visit").toString()) {}

    bool login() {
        const QStringList scopes{"system/visit_notes.read", "system/visit_notes.write", "system/physicians.read",
                                 "act_as_user"};
        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", clientId_);
        form.addQueryItem("client_secret", clientSecret_);
        form.addQueryItem("scope", scopes.join(' '));

        QNetworkRequest req(QUrl(base_ + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* reply = nam_.post(req, form.toString(QUrl::FullyEncoded).toUtf8());
        const QJsonObject body = finish(reply).object();
        token_ = body.value("access_token").toString().toUtf8();
        return !token_.isEmpty();
    }

    QString physicianName() {
        QNetworkReply* reply = nam_.get(makeRequest(QString("/physicians/%1/").arg(physicianId_)));  // api: GET /api/2.0/physicians/{id}/
        const QJsonObject doc = finish(reply).object();
        return doc.value("first_name").toString() + " " + doc.value("last_name").toString();
    }

    QJsonArray unsignedNotes() {
        QJsonArray notes;
        for (int offset = 0;; offset += 50) {
            QUrlQuery q;
            q.addQueryItem("physician", QString::number(physicianId_));
            q.addQueryItem("unsigned", "true");
            q.addQueryItem("limit", "50");
            q.addQueryItem("offset", QString::number(offset));
            QNetworkReply* reply = nam_.get(makeRequest("/visit_notes/", q));  // api: GET /api/2.0/visit_notes/
            const QJsonObject page = finish(reply).object();
            for (const QJsonValue& v : page.value("results").toArray())
                if (v.toObject().value("template").toString() == template_)
                    notes.append(v);
            if (page.value("next").isNull() || page.value("next").isUndefined())
                break;
        }
        return notes;
    }

    bool sign(qint64 noteId) {
        QJsonObject patch{{"signed_by", userId_},
                          {"signed_date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        QNetworkReply* reply = nam_.sendCustomRequest(makeRequest(QString("/visit_notes/%1/").arg(noteId)), "PATCH",  // api: PATCH /api/2.0/visit_notes/{id}/
                                                      QJsonDocument(patch).toJson(QJsonDocument::Compact));
        finish(reply);
        return lastStatus_ == 200;
    }

private:
    QNetworkRequest makeRequest(const QString& path, const QUrlQuery& query = QUrlQuery()) const {
        QUrl url(base_);
        url.setPath(url.path() + path);
        url.setQuery(query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + token_);
        req.setRawHeader("X-On-Behalf-Of", QByteArray::number(userId_));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return req;
    }

    QJsonDocument finish(QNetworkReply* reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        lastStatus_ = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            QTextStream(stderr) << reply->url().toString() << ": " << reply->errorString() << "\n";
        reply->deleteLater();
        return QJsonDocument::fromJson(data);
    }

    QNetworkAccessManager nam_;
    QString base_, clientId_, clientSecret_;
    qint64 physicianId_ = 0, userId_ = 0;
    QString template_;
    QByteArray token_;
    int lastStatus_ = 0;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QSettings settings("NorthClinic", "visit-note-signer");
    NoteSigner signer(settings);
    QTextStream out(stdout);

    if (!signer.login()) {
        QTextStream(stderr) << "Elation login failed\n";
        return 1;
    }
    out << "signing '" << settings.value("signer/noteTemplate", "Nurse Visit").toString() << "' notes for "
        << signer.physicianName() << "\n";

    int signedCount = 0, failed = 0;
    for (const QJsonValue& v : signer.unsignedNotes()) {
        const qint64 id = v.toObject().value("id").toVariant().toLongLong();
        if (signer.sign(id))
            ++signedCount;
        else
            ++failed;
    }
    out << signedCount << " signed, " << failed << " failed\n";
    return failed ? 1 : 0;
}
