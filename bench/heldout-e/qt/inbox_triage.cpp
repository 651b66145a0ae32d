// inbox_triage: classifies faxed/scanned documents waiting in the Elation
// incoming-files inbox, tags them and files them into the patient's chart.
// The classifier is our own service on the document-processing cluster.
#include <QCoreApplication>
#include <QDebug>
#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

class InboxTriage
{
public:
    InboxTriage(QString baseUrl, QUrl classifier, qint64 practiceId)
        : m_base(std::move(baseUrl)), m_classifier(std::move(classifier)), m_practice(practiceId) {}

    bool authenticate(const QString &clientId, const QString &secret)
    {
        const QStringList scopes{QStringLiteral("system/incoming_files.read"),
                                 QStringLiteral("system/incoming_files.write"),
                                 QStringLiteral("system/document_tags.write")};
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), clientId);
        form.addQueryItem(QStringLiteral("client_secret"), secret);
        form.addQueryItem(QStringLiteral("scope"), scopes.join(QLatin1Char(' ')));

        QNetworkRequest req(QUrl(m_base + QStringLiteral("/oauth2/token/")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        const QByteArray body = wait(m_nam.post(req, form.toString(QUrl::FullyEncoded).toUtf8()));  // expect-warning [unused-scope] {{system/incoming_files.write}} // expect-error [missing-scope] {{system/patients.write}}
        m_token = QJsonDocument::fromJson(body).object().value(QStringLiteral("access_token")).toString().toUtf8();
        return !m_token.isEmpty();
    }

    int run()
    {
        int filed = 0;
        for (int offset = 0;; offset += 25) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("25"));
            q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
            const QJsonObject page = QJsonDocument::fromJson(send("GET", QStringLiteral("/incoming_files/"), q)).object();
            for (const QJsonValue &g : page.value(QStringLiteral("results")).toArray()) {
                const QJsonObject group = g.toObject();
                for (const QJsonValue &f : group.value(QStringLiteral("files")).toArray()) {
                    const QString path = QStringLiteral("/incoming_files/%1/files/%2/")
                                             .arg(group.value(QStringLiteral("id")).toVariant().toLongLong())
                                             .arg(f.toObject().value(QStringLiteral("id")).toVariant().toLongLong());
                    filed += triage(send("GET", path)) ? 1 : 0;
                }
            }
            if (page.value(QStringLiteral("next")).isNull())
                break;
        }
        return filed;
    }

private:
    bool triage(const QByteArray &pdf)
    {
        // internal classifier: returns {"patient_id": .., "category": "..", "title": ".."}
        QNetworkRequest creq(m_classifier);
        creq.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/pdf"));
        const QJsonObject verdict = QJsonDocument::fromJson(wait(m_nam.post(creq, pdf))).object();
        const qint64 patientId = verdict.value(QStringLiteral("patient_id")).toVariant().toLongLong();
        if (patientId == 0)
            return false;

        const QJsonObject tagBody{{QStringLiteral("value"), verdict.value(QStringLiteral("category"))},
                                  {QStringLiteral("practice_created"), m_practice}};
        const QJsonObject tag = QJsonDocument::fromJson(
            send("POST", QStringLiteral("/document_tags/"), {}, QJsonDocument(tagBody).toJson(QJsonDocument::Compact))).object();

        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart meta;
        meta.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"document_tags\""));
        meta.setBody(QByteArray::number(tag.value(QStringLiteral("id")).toVariant().toLongLong()));
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/pdf"));
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file\"; filename=\"%1.pdf\"").arg(verdict.value(QStringLiteral("title")).toString()));
        file.setBody(pdf);
        multi->append(meta);
        multi->append(file);

        QNetworkReply *reply = m_nam.post(request(QStringLiteral("/patients/%1/incoming_files/").arg(patientId)), multi);  // api: POST /api/2.0/patients/{id}/incoming_files/
        multi->setParent(reply);
        wait(reply);
        return true;
    }

    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl url(m_base + path);
        url.setQuery(query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + m_token);
        return req;
    }

    QByteArray send(const QByteArray &verb, const QString &path, const QUrlQuery &query = {}, const QByteArray &json = {})
    {
        QNetworkRequest req = request(path, query);
        if (!json.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return wait(m_nam.sendCustomRequest(req, verb, json));  // api: GET /api/2.0/incoming_files/ // api: GET /api/2.0/incoming_files/{id}/files/{id}/ // api: POST /api/2.0/document_tags/
    }

    static QByteArray wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (reply->error() != QNetworkReply::NoError)
            qWarning() << reply->url().path() << reply->errorString();
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return data;
    }

    QNetworkAccessManager m_nam;
    QString m_base;
    QUrl m_classifier;
    qint64 m_practice;
    QByteArray m_token;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    InboxTriage triage(qEnvironmentVariable("ELATION_BASE_URL", QStringLiteral("https://sandbox.elationemr.com/api/2.0")),
                       QUrl(qEnvironmentVariable("CLASSIFIER_URL", QStringLiteral("http://doc-classifier.internal:7000/v1/classify"))),
                       qEnvironmentVariable("ELATION_PRACTICE_ID").toLongLong());
    if (!triage.authenticate(qEnvironmentVariable("ELATION_CLIENT_ID"), qEnvironmentVariable("ELATION_CLIENT_SECRET"))) {
        qCritical() << "authentication failed";
        return 1;
    }
    qInfo() << "filed" << triage.run() << "documents";
    return 0;
}
