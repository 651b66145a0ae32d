// Imports immunization records exported by the county registry into Elation, on behalf of
// the nurse who runs the import, and reports progress to the local import dashboard.
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

static const QString kElation = QStringLiteral("https://app.elationemr.com/api/2.0");

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc < 5) return 2;
  const QString clientId = argv[1], secret = argv[2], nurseUserId = argv[3], exportFile = argv[4];
  QNetworkAccessManager nam;
  QByteArray token;

  std::function<QNetworkReply*(const QString&, const QJsonObject&)> postRecord =
      [&](const QString& path, const QJsonObject& record) {
        QNetworkRequest req(QUrl(kElation + path));
        req.setRawHeader("Authorization", "Bearer " + token);
        req.setRawHeader("X-On-Behalf-Of", nurseUserId.toUtf8());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return nam.post(req, QJsonDocument(record).toJson());  // api: POST /api/2.0/immunizations/
      };

  auto progress = [&nam](int done, int total) {
    QNetworkRequest req(QUrl("http://127.0.0.1:8080/ingest/progress"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    nam.post(req, QJsonDocument(QJsonObject{{"done", done}, {"total", total}}).toJson());
  };

  QUrlQuery form;
  form.addQueryItem("grant_type", "client_credentials");
  form.addQueryItem("client_id", clientId);
  form.addQueryItem("client_secret", secret);
  QNetworkRequest tokenReq(QUrl(kElation + "/oauth2/token/"));
  tokenReq.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
  QNetworkReply* tokenReply = nam.post(tokenReq, form.query(QUrl::FullyEncoded).toUtf8());
  // expect-warning [global-scope] {{system/immunizations.write}}
  // expect-error [missing-scope] {{act_as_user}}

  QObject::connect(tokenReply, &QNetworkReply::finished, [&] {
    token = QJsonDocument::fromJson(tokenReply->readAll()).object().value("access_token").toString().toUtf8();
    QFile f(exportFile);
    if (!f.open(QIODevice::ReadOnly)) {
      app.exit(1);
      return;
    }
    const QJsonArray records = QJsonDocument::fromJson(f.readAll()).array();
    int done = 0;
    for (const auto& value : records) {
      QJsonObject rec = value.toObject();
      QJsonObject imm{{"patient", rec.value("elation_patient_id")},
                      {"cvx", rec.value("cvx")},
                      {"administered_date", rec.value("date")}};
      postRecord("/immunizations/", imm);
      progress(++done, records.size());
    }
  });
  return app.exec();
}
