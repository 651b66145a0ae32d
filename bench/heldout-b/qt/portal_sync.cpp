// Patient-portal sync.
//
// Mirrors the practice's patient list, each patient's submitted intake forms
// and their message threads into the clinic's own patient portal, and posts
// portal replies back into the Elation thread.
#include <QCoreApplication>
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

class PortalSync {
public:
    PortalSync(const QString& elationBase, const QString& portalBase)
        : base_(elationBase), portal_(portalBase) {}

    void start(const QString& clientId, const QString& clientSecret) {
        const QStringList scopes{
            QStringLiteral("system/patients.read"),
            QStringLiteral("system/patient_form_submissions.read"),
            QStringLiteral("system/message_threads.read"),
            QStringLiteral("system/thread_messages.write"),
        };
        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", clientId);
        form.addQueryItem("client_secret", clientSecret);
        form.addQueryItem("scope", scopes.join(' '));

        QNetworkRequest req(endpoint("/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* reply = nam_.post(req, form.toString(QUrl::FullyEncoded).toUtf8());
        QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
            reply->deleteLater();
            token_ = QJsonDocument::fromJson(reply->readAll()).object().value("access_token").toString();
            fetchPatients(endpoint("/patients/?limit=100"));
        });
    }

    void postReply(qint64 threadId, qint64 authorId, const QString& text) {
        QJsonObject msg{{"thread", threadId}, {"sender", authorId}, {"body", text}};
        nam_.post(authed(endpoint("/thread_messages/")),  // api: POST /api/2.0/thread_messages/
                  QJsonDocument(msg).toJson(QJsonDocument::Compact));
    }

private:
    QUrl endpoint(const QString& path) const { return QUrl(base_ + path); }

    QNetworkRequest authed(const QUrl& url) const {
        QNetworkRequest r(url);
        r.setRawHeader("Authorization", "Bearer " + token_.toUtf8());
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return r;
    }

    void getJson(const QUrl& url, std::function<void(const QJsonObject&)> onDone) {
        QNetworkReply* reply = nam_.get(authed(url));  // api: GET /api/2.0/patient_form_submissions/ // api: GET /api/2.0/message_threads/
        QObject::connect(reply, &QNetworkReply::finished, [reply, onDone] {
            reply->deleteLater();
            onDone(QJsonDocument::fromJson(reply->readAll()).object());
        });
    }

    void fetchPatients(const QUrl& url) {
        QNetworkReply* reply = nam_.get(authed(url));  // api: GET /api/2.0/patients/
        QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
            reply->deleteLater();
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            for (const QJsonValue& p : page.value("results").toArray()) syncPatient(p.toObject());
            const QString next = page.value("next").toString();
            if (!next.isEmpty()) fetchPatients(QUrl(next));  // paginate
        });
    }

    void syncPatient(const QJsonObject& patient) {
        const QString id = QString::number(patient.value("id").toVariant().toLongLong());
        pushToPortal("/patients/" + id, patient);
        getJson(endpoint("/patient_form_submissions/?patient=" + id), [this, id](const QJsonObject& o) {
            pushToPortal("/patients/" + id + "/forms", o);
        });
        getJson(endpoint("/message_threads/?patient=" + id), [this, id](const QJsonObject& o) {
            pushToPortal("/patients/" + id + "/threads", o);
        });
    }

    void pushToPortal(const QString& path, const QJsonObject& doc) {
        QNetworkRequest r(QUrl(portal_ + path));
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        nam_.put(r, QJsonDocument(doc).toJson(QJsonDocument::Compact));
    }

    QNetworkAccessManager nam_;
    QString base_;
    QString portal_;
    QString token_;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    PortalSync sync(qEnvironmentVariable("ELATION_BASE", "https://app.elationemr.com/api/2.0"),
                    QStringLiteral("https://portal.riverbend-family.org/api/v1"));
    sync.start(qEnvironmentVariable("ELATION_CLIENT_ID"), qEnvironmentVariable("ELATION_CLIENT_SECRET"));
    return app.exec();
}
