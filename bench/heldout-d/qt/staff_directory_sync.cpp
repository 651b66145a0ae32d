// staff_directory_sync: keeps Elation staff groups in step with the HR roster.
//
// Pulls physicians and office staff, works out which of the roster's teams
// have no matching staff group, and creates those groups.
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class StaffClient {
public:
    StaffClient(const QString& apiRoot, QNetworkAccessManager* nam) : root_(apiRoot), nam_(nam) {}

    bool authorize(const QString& clientId, const QString& secret) {
        QStringList scopes;
        for (const char* res : {"physicians", "office_staff", "staff_groups"})
            scopes << QStringLiteral("system/%1.read").arg(QLatin1String(res));
        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", clientId);
        form.addQueryItem("client_secret", secret);
        form.addQueryItem("scope", scopes.join(' '));
        QNetworkRequest req(QUrl(root_ + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* reply = nam_->post(req, form.toString(QUrl::FullyEncoded).toUtf8());
        QJsonObject obj = wait(reply).object();
        token_ = obj.value("access_token").toString().toUtf8();
        return !token_.isEmpty();
    }

    QJsonArray listAll(const QString& path) {
        QJsonArray all;
        QUrl url(root_ + path);
        while (url.isValid() && !url.isEmpty()) {
            QNetworkRequest req(url);
            req.setRawHeader("Authorization", "Bearer " + token_);
            QNetworkReply* reply = nam_->get(req);  // api: GET /api/2.0/physicians/ // api: GET /api/2.0/office_staff/ // api: GET /api/2.0/staff_groups/
            QJsonObject page = wait(reply).object();
            for (const auto& v : page.value("results").toArray()) all.append(v);
            url = QUrl(page.value("next").toString());
        }
        return all;
    }

    bool createGroup(const QString& name, const QList<int>& members) {
        QJsonArray ids;
        for (int m : members) ids.append(m);
        QJsonObject body{{"name", name}, {"members", ids}};
        QNetworkRequest req(QUrl(root_ + "/staff_groups/"));
        req.setRawHeader("Authorization", "Bearer " + token_);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = nam_->post(req, QJsonDocument(body).toJson());  // api: POST /api/2.0/staff_groups/ // expect-error [missing-scope] {{system/staff_groups.write}}
        wait(reply);
        return true;
    }

private:
    QJsonDocument wait(QNetworkReply* reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return doc;
    }

    QString root_;
    QNetworkAccessManager* nam_;
    QByteArray token_;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const auto env = QProcessEnvironment::systemEnvironment();
    QNetworkAccessManager nam;
    StaffClient client(env.value("ELATION_API_ROOT", "https://app.elationemr.com/api/2.0"), &nam);
    if (!client.authorize(env.value("ELATION_CLIENT_ID"), env.value("ELATION_CLIENT_SECRET"))) return 1;

    QMap<QString, QList<int>> roster;
    for (const auto& v : client.listAll("/physicians/")) {
        QJsonObject p = v.toObject();
        roster[p.value("specialty").toString()].append(p.value("id").toInt());
    }
    for (const auto& v : client.listAll("/office_staff/")) {
        QJsonObject s = v.toObject();
        roster["Front desk"].append(s.value("id").toInt());
    }
    QSet<QString> existing;
    for (const auto& v : client.listAll("/staff_groups/")) existing.insert(v.toObject().value("name").toString());

    int created = 0;
    for (auto it = roster.cbegin(); it != roster.cend(); ++it) {
        if (it.key().isEmpty() || existing.contains(it.key())) continue;
        if (client.createGroup(it.key(), it.value())) ++created;
    }
    qInfo("created %d staff groups", created);
    return 0;
}
