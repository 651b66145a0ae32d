// Visit-note signer bot.
//
// Physicians who finish charting on the tablet app tap "sign later"; this bot
// runs at the end of the day, finds their unsigned notes that the scribe
// marked complete, and signs them on the physician's behalf. A summary goes to
// the clinic's Slack channel.
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

static const char kBase[] = "https://app.elationemr.com/api/2.0";
static const char kSlackHook[] = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXX";

class NoteSigner {
public:
    NoteSigner(qint64 physicianUserId, qint64 physicianId)
        : userId_(physicianUserId), physicianId_(physicianId) {}

    void login(const QString& id, const QString& secret) {
        QUrlQuery body;
        body.addQueryItem("grant_type", "client_credentials");
        body.addQueryItem("client_id", id);
        body.addQueryItem("client_secret", secret);
        body.addQueryItem("scope", "system/visit_notes.read system/visit_notes.write");
        // expect-error [missing-scope] {{act_as_user}}
        QNetworkRequest req(QUrl(QString(kBase) + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* r = nam_.post(req, body.query(QUrl::FullyEncoded).toUtf8());
        QObject::connect(r, &QNetworkReply::finished, [this, r] {
            r->deleteLater();
            token_ = QJsonDocument::fromJson(r->readAll()).object().value("access_token").toString();
            findUnsigned();
        });
    }

private:
    // Every request acts as the physician so the signature is theirs.
    QNetworkRequest asPhysician(const QString& path) const {
        QNetworkRequest r(QUrl(QString(kBase) + path));
        r.setRawHeader("Authorization", ("Bearer " + token_).toUtf8());
        r.setRawHeader("X-On-Behalf-Of", QByteArray::number(userId_));
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return r;
    }

    void findUnsigned() {
        const QString path = QStringLiteral("/visit_notes/?signed=false&physician=%1").arg(physicianId_);
        QNetworkReply* r = nam_.get(asPhysician(path));  // api: GET /api/2.0/visit_notes/
        QObject::connect(r, &QNetworkReply::finished, [this, r] {
            r->deleteLater();
            const auto results = QJsonDocument::fromJson(r->readAll()).object().value("results").toArray();
            for (const QJsonValue& v : results) {
                const QJsonObject note = v.toObject();
                if (note.value("tags").toArray().contains(QJsonValue("ready-to-sign")))
                    sign(note.value("id").toVariant().toLongLong());
            }
            notifySlack(QStringLiteral("%1 notes queued for signing").arg(results.size()));
        });
    }

    void sign(qint64 noteId) {
        QJsonObject patch{
            {"signed_by", physicianId_},
            {"signed_date", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        };
        QNetworkRequest req = asPhysician(QStringLiteral("/visit_notes/%1/").arg(noteId));
        nam_.sendCustomRequest(req, "PATCH", QJsonDocument(patch).toJson());  // api: PATCH /api/2.0/visit_notes/{id}/
    }

    void notifySlack(const QString& text) {
        QNetworkRequest req{QUrl(QString::fromLatin1(kSlackHook))};
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        nam_.post(req, QJsonDocument(QJsonObject{{"text", text}}).toJson());
    }

    QNetworkAccessManager nam_;
    QString token_;
    qint64 userId_;
    qint64 physicianId_;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 3) return 2;
    NoteSigner bot(QByteArray(argv[1]).toLongLong(), QByteArray(argv[2]).toLongLong());
    bot.login(qEnvironmentVariable("ELATION_CLIENT_ID"), qEnvironmentVariable("ELATION_CLIENT_SECRET"));
    return app.exec();
}
