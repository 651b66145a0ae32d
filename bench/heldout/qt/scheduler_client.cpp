// Scheduling module of the clinic kiosk: books, moves and cancels appointments.
// The Elation base URL comes from the kiosk's settings file.
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

class SchedulerClient {
 public:
  explicit SchedulerClient(const QUrl& base) : m_base(base) {}

  QNetworkReply* authenticate(const QString& clientId, const QString& secret) {
    QUrlQuery form;
    form.addQueryItem("grant_type", "client_credentials");
    form.addQueryItem("client_id", clientId);
    form.addQueryItem("client_secret", secret);
    form.addQueryItem("scope", "system/appointments.read system/appointments.write system/appointment_types.read");
    QNetworkRequest req(endpoint("/oauth2/token/"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    return m_nam.post(req, form.query(QUrl::FullyEncoded).toUtf8());
  }

  void setToken(const QString& token) { m_token = token.toUtf8(); }

  QNetworkReply* appointmentTypes() { return m_nam.get(request("/appointment_types/")); }  // api: GET /api/2.0/appointment_types/

  QNetworkReply* appointmentsOn(const QString& date) {
    return m_nam.get(request("/appointments/?from_date=" + date + "&to_date=" + date));  // api: GET /api/2.0/appointments/
  }

  QNetworkReply* book(const QJsonObject& appt) {
    return m_nam.post(request("/appointments/"), QJsonDocument(appt).toJson());  // api: POST /api/2.0/appointments/
  }

  QNetworkReply* move(int id, const QJsonObject& appt) {
    return m_nam.put(request(QString("/appointments/%1/").arg(id)), QJsonDocument(appt).toJson());  // api: PUT /api/2.0/appointments/{id}/
  }

  QNetworkReply* cancel(int id) { return m_nam.deleteResource(request(QString("/appointments/%1/").arg(id))); }  // api: DELETE /api/2.0/appointments/{id}/

 private:
  QUrl endpoint(const QString& path) const {
    QUrl u(m_base);
    u.setPath("/api/2.0" + path.section('?', 0, 0));
    if (path.contains('?')) u.setQuery(path.section('?', 1));
    return u;
  }

  QNetworkRequest request(const QString& path) const {
    QNetworkRequest req(endpoint(path));
    req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    return req;
  }

  QUrl m_base;
  QByteArray m_token;
  QNetworkAccessManager m_nam;
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QSettings settings("/etc/kiosk/kiosk.ini", QSettings::IniFormat);
  SchedulerClient client(QUrl(settings.value("elation/base", "https://sandbox.elationemr.com").toString()));
  QNetworkReply* tok = client.authenticate(settings.value("elation/client_id").toString(),
                                           settings.value("elation/client_secret").toString());
  QObject::connect(tok, &QNetworkReply::finished, [&client, tok] {
    client.setToken(QJsonDocument::fromJson(tok->readAll()).object().value("access_token").toString());
    client.appointmentTypes();
    client.appointmentsOn("2024-05-02");
    client.book(QJsonObject{{"patient", 12}, {"physician", 3}, {"scheduled_date", "2024-05-02T09:00:00"}});
    client.move(881, QJsonObject{{"scheduled_date", "2024-05-03T09:00:00"}});
    client.cancel(882);
  });
  return app.exec();
}
