// insurance-checker: command-line tool for the billing team. Lists the insurance
// companies or plans known to Elation, or a patient's insurance cards.
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

enum class Listing { Companies, Plans, Cards };

static Listing parseListing(const QString& arg) {
  if (arg == "plans") return Listing::Plans;
  if (arg == "cards") return Listing::Cards;
  return Listing::Companies;
}

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments();
  if (args.size() < 4) {
    QTextStream(stderr) << "usage: insurance-checker CLIENT_ID SECRET companies|plans|cards [PATIENT_ID]\n";
    return 2;
  }
  const QString host = qEnvironmentVariable("ELATION_HOST", "https://app.elationemr.com");
  const QString scopes = "system/insurance_companies.read system/insurance_plans.read system/patients.read";
  const QByteArray body = QStringLiteral("grant_type=client_credentials&client_id=%1&client_secret=%2&scope=%3")
                              .arg(args.at(1), args.at(2), QString::fromUtf8(QUrl::toPercentEncoding(scopes)))
                              .toUtf8();
  QNetworkAccessManager nam;
  QNetworkRequest tokenReq(QUrl(host + "/api/2.0/oauth2/token/"));
  tokenReq.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
  QNetworkReply* tok = nam.post(tokenReq, body);

  QObject::connect(tok, &QNetworkReply::finished, [&] {
    const QByteArray token =
        QJsonDocument::fromJson(tok->readAll()).object().value("access_token").toString().toUtf8();
    QString path;
    switch (parseListing(args.at(3))) {
      case Listing::Companies:
        path = "/api/2.0/insurance_companies/";
        break;
      case Listing::Plans:
        path = "/api/2.0/insurance_plans/";
        break;
      case Listing::Cards:
        path = QString("/api/2.0/patients/%1/insurance_cards/").arg(args.value(4));
        break;
    }
    QNetworkRequest req(QUrl(host + path));
    req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply* list = nam.get(req);  // api: GET /api/2.0/insurance_companies/ // api: GET /api/2.0/insurance_plans/ // api: GET /api/2.0/patients/{id}/insurance_cards/
    QObject::connect(list, &QNetworkReply::finished, [&app, list] {
      QTextStream(stdout) << list->readAll() << "\n";
      app.quit();
    });
  });
  return app.exec();
}
