// vitals_kiosk: back end of the waiting-room vitals kiosk. The kiosk hands us
// one reading as JSON on stdin; we write it to Elation as the nurse on duty so
// it lands in the chart attributed to a person rather than to the integration.
//
//   vitals_kiosk PATIENT_ID NURSE_STAFF_ID < reading.json
#include <QCoreApplication>
#include <QDebug>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QUrlQuery>

enum class Endpoint { Patient, StaffMember, Vitals };

static QString pathFor(Endpoint e, qint64 id = 0)
{
    switch (e) {
    case Endpoint::Patient:
        return QStringLiteral("/patients/%1/").arg(id);
    case Endpoint::StaffMember:
        return QStringLiteral("/office_staff/%1/").arg(id);
    case Endpoint::Vitals:
        return QStringLiteral("/vitals/");
    }
    return QString();
}

class KioskBackend
{
public:
    explicit KioskBackend(QString base) : m_base(std::move(base)) {}

    bool login(const QString &clientId, const QString &secret)
    {
        QStringList scopes;
        scopes << "system/patients.read" << "system/office_staff.read"
               << "system/vitals.read" << "system/vitals.write" << "act_as_user";
        const QString body = QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=%2&scope=%3")
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(clientId)),
                                      QString::fromLatin1(QUrl::toPercentEncoding(secret)),
                                      QString::fromLatin1(QUrl::toPercentEncoding(scopes.join(' '))));
        QNetworkRequest req(QUrl(m_base + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        int status = 0;
        const QByteArray reply = await(m_nam.post(req, body.toUtf8()), &status);
        m_token = QJsonDocument::fromJson(reply).object().value("access_token").toString().toUtf8();
        return status == 200 && !m_token.isEmpty();
    }

    QJsonObject get(Endpoint e, qint64 id = 0, const QUrlQuery &q = QUrlQuery())
    {
        return QJsonDocument::fromJson(await(m_nam.get(make(pathFor(e, id), q)))).object();  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/office_staff/{id}/ // api: GET /api/2.0/vitals/
    }

    bool recordVitals(qint64 patientId, qint64 nurseStaffId, const QJsonObject &reading)
    {
        const QJsonObject nurse = get(Endpoint::StaffMember, nurseStaffId);
        const qint64 nurseUser = nurse.value("user_id").toVariant().toLongLong();
        if (!nurseUser)
            return false;

        QJsonObject body = reading;
        body.insert("patient", patientId);
        body.insert("practice", nurse.value("practice"));
        QNetworkRequest req = make(pathFor(Endpoint::Vitals));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        req.setRawHeader("X-On-Behalf-Of", QByteArray::number(nurseUser));
        int status = 0;
        await(m_nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)), &status);  // api: POST /api/2.0/vitals/
        return status == 201;
    }

private:
    QNetworkRequest make(const QString &path, const QUrlQuery &q = QUrlQuery()) const
    {
        QUrl url(m_base + path);
        if (!q.isEmpty())
            url.setQuery(q);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + m_token);
        req.setRawHeader("Accept", "application/json");
        return req;
    }

    static QByteArray await(QNetworkReply *reply, int *status = nullptr)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return data;
    }

    QNetworkAccessManager m_nam;
    QString m_base;
    QByteArray m_token;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        qCritical("usage: vitals_kiosk PATIENT_ID NURSE_STAFF_ID < reading.json");
        return 2;
    }
    const qint64 patientId = QByteArray(argv[1]).toLongLong();
    const qint64 nurseId = QByteArray(argv[2]).toLongLong();

    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    const QJsonObject reading = QJsonDocument::fromJson(in.readAll()).object();

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    KioskBackend backend(env.value("ELATION_BASE", "https://app.elationemr.com/api/2.0"));
    if (!backend.login(env.value("ELATION_CLIENT_ID"), env.value("ELATION_CLIENT_SECRET")))
        return 1;

    // kiosk scans the wristband; make sure the DOB it shows matches the chart
    const QJsonObject patient = backend.get(Endpoint::Patient, patientId);
    if (patient.value("dob").toString() != reading.value("dob_confirmed").toString()) {
        qWarning() << "DOB mismatch for patient" << patientId;
        return 3;
    }
    QJsonObject vitals = reading;
    vitals.remove("dob_confirmed");
    if (!backend.recordVitals(patientId, nurseId, vitals))
        return 4;

    QUrlQuery q;
    q.addQueryItem("patient", QString::number(patientId));
    q.addQueryItem("limit", "1");
    const QJsonArray latest = backend.get(Endpoint::Vitals, 0, q).value("results").toArray();
    qInfo().noquote() << QJsonDocument(latest).toJson(QJsonDocument::Compact);
    return 0;
}
