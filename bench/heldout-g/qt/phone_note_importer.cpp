// phone_note_importer: copies clinical phone calls logged in CallPilot (the
// nurse line's call-center system) into the patient's chart as non-visit
// notes, written as the triage nurse on duty. Calls already imported are
// recognised by the "[CallPilot #<id>]" marker in the note text.
//
// Settings (~/.config/Riverbend/phone-note-importer.conf):
//   elation/base_url, elation/client_id, elation/client_secret,
//   elation/nurse_user_id, elation/practice_id, callpilot/api_key
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QStringList>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

class PhoneNoteImporter {
public:
    explicit PhoneNoteImporter(QSettings &settings)
        : base_(settings.value("elation/base_url", "https://sandbox.elationemr.com/api/2.0").toUrl()),
          clientId_(settings.value("elation/client_id").toString()),
          clientSecret_(settings.value("elation/client_secret").toString()),
          nurseUserId_(settings.value("elation/nurse_user_id").toByteArray()),
          practiceId_(settings.value("elation/practice_id").toLongLong()),
          callPilotKey_(settings.value("callpilot/api_key").toByteArray()) {}

    bool authenticate() {
        const QStringList scopes{
            QStringLiteral("system/patients.read"),
            QStringLiteral("system/non_visit_notes.write"),
            QStringLiteral("act_as_user"),
        };
        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", clientId_);
        form.addQueryItem("client_secret", clientSecret_);
        form.addQueryItem("scope", scopes.join(' '));

        QNetworkRequest req(endpoint(QStringLiteral("/oauth2/token/")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply *reply = nam_.post(req, form.toString(QUrl::FullyEncoded).toUtf8()); // expect-error [missing-scope] {{system/non_visit_notes.read}}
        const QJsonObject tok = waitJson(reply);
        token_ = tok.value("access_token").toString().toUtf8();
        return !token_.isEmpty();
    }

    QJsonArray recentCalls(const QDateTime &since) {
        QUrl url(QStringLiteral("https://api.callpilot.io/v1/calls"));
        QUrlQuery q;
        q.addQueryItem("since", since.toUTC().toString(Qt::ISODate));
        q.addQueryItem("disposition", "clinical");
        url.setQuery(q);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Token " + callPilotKey_);
        return waitJson(nam_.get(req)).value("calls").toArray();
    }

    qint64 findPatient(const QString &phone) {
        QUrlQuery q;
        q.addQueryItem("phone", phone);
        q.addQueryItem("practice", QString::number(practiceId_));
        QNetworkReply *reply = nam_.get(elationRequest(QStringLiteral("/patients/"), q)); // api: GET /api/2.0/patients/
        const QJsonArray results = waitJson(reply).value("results").toArray();
        return results.size() == 1 ? results.first().toObject().value("id").toVariant().toLongLong() : 0;
    }

    bool alreadyImported(qint64 patientId, const QString &callId, const QDate &day) {
        QUrlQuery q;
        q.addQueryItem("patient", QString::number(patientId));
        q.addQueryItem("from_date", day.toString(Qt::ISODate));
        QNetworkReply *reply = nam_.get(elationRequest(QStringLiteral("/non_visit_notes/"), q)); // api: GET /api/2.0/non_visit_notes/
        const QString marker = QStringLiteral("[CallPilot #%1]").arg(callId);
        for (const QJsonValue &note : waitJson(reply).value("results").toArray())
            for (const QJsonValue &bullet : note.toObject().value("bullets").toArray())
                if (bullet.toObject().value("text").toString().contains(marker))
                    return true;
        return false;
    }

    bool writeNote(qint64 patientId, const QJsonObject &call) {
        const QDateTime at = QDateTime::fromString(call.value("started_at").toString(), Qt::ISODate);
        const QString text = QStringLiteral("%1 call with %2 (%3 min). %4 [CallPilot #%5]")
                                 .arg(call.value("direction").toString(), call.value("caller_name").toString())
                                 .arg(call.value("duration_sec").toInt() / 60)
                                 .arg(call.value("summary").toString(), call.value("id").toString());
        QJsonObject note{
            {"patient", patientId},
            {"practice", practiceId_},
            {"type", "phone"},
            {"chart_date", at.toString(Qt::ISODate)},
            {"document_date", at.toString(Qt::ISODate)},
            {"bullets", QJsonArray{QJsonObject{{"text", text}}}},
        };
        QNetworkRequest req = elationRequest(QStringLiteral("/non_visit_notes/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = nam_.post(req, QJsonDocument(note).toJson(QJsonDocument::Compact)); // api: POST /api/2.0/non_visit_notes/
        return !waitJson(reply).value("id").isUndefined();
    }

private:
    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const {
        QUrl url(base_);
        url.setPath(base_.path() + path);
        url.setQuery(query);
        return url;
    }

    // Every Elation call goes out as the nurse, so notes are authored by her.
    QNetworkRequest elationRequest(const QString &path, const QUrlQuery &query = {}) const {
        QNetworkRequest req(endpoint(path, query));
        req.setRawHeader("Authorization", "Bearer " + token_);
        req.setRawHeader("X-On-Behalf-Of", nurseUserId_);
        req.setRawHeader("Accept", "application/json");
        return req;
    }

    QJsonObject waitJson(QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            QTextStream(stderr) << reply->url().toString() << ": " << reply->errorString() << "\n";
        reply->deleteLater();
        return QJsonDocument::fromJson(body).object();
    }

    QNetworkAccessManager nam_;
    QUrl base_;
    QString clientId_, clientSecret_;
    QByteArray nurseUserId_;
    qint64 practiceId_;
    QByteArray callPilotKey_;
    QByteArray token_;
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName("Riverbend");
    QCoreApplication::setApplicationName("phone-note-importer");
    QSettings settings;

    PhoneNoteImporter importer(settings);
    if (!importer.authenticate()) {
        QTextStream(stderr) << "Elation login failed\n";
        return 1;
    }

    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600);
    int imported = 0, unmatched = 0;
    for (const QJsonValue &v : importer.recentCalls(since)) {
        const QJsonObject call = v.toObject();
        const qint64 patient = importer.findPatient(call.value("caller_number").toString());
        if (!patient) {
            ++unmatched;
            continue;
        }
        const QDate day = QDateTime::fromString(call.value("started_at").toString(), Qt::ISODate).date();
        if (importer.alreadyImported(patient, call.value("id").toString(), day))
            continue;
        if (importer.writeNote(patient, call))
            ++imported;
    }
    QTextStream(stdout) << imported << " notes imported, " << unmatched << " calls without a unique patient\n";
    return 0;
}
