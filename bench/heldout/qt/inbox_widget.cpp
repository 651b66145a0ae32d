// Inbox panel of the front-desk desktop app: lists Elation message threads, shows the
// messages of the selected one and lets staff reply.
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class InboxClient : public QObject {
 public:
  InboxClient(const QString& clientId, const QString& secret, QObject* parent = nullptr)
      : QObject(parent), m_clientId(clientId), m_secret(secret) {}

  void login() {
    QStringList scopes;
    scopes << "system/message_threads.read"
           << "system/thread_messages.read"
           << "system/thread_messages.write"
           << "system/thread_members.read";
    QUrlQuery form;
    form.addQueryItem("grant_type", "client_credentials");
    form.addQueryItem("client_id", m_clientId);
    form.addQueryItem("client_secret", m_secret);
    form.addQueryItem("scope", scopes.join(' '));

    QNetworkRequest req(QUrl("https://app.elationemr.com/api/2.0/oauth2/token/"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    QNetworkReply* reply = m_nam.post(req, form.toString(QUrl::FullyEncoded).toUtf8());
    // expect-warning [unused-scope] {{system/thread_members.read}}
    QObject::connect(reply, &QNetworkReply::finished, this, [this, reply] {
      m_token = QJsonDocument::fromJson(reply->readAll()).object().value("access_token").toString();
      reply->deleteLater();
      loadThreads();
    });
  }

  void loadThreads() {
    QNetworkReply* reply = m_nam.get(authorized(QUrl("https://app.elationemr.com/api/2.0/message_threads/")));  // api: GET /api/2.0/message_threads/
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }

  void loadMessages(int threadId) {
    QUrl url("https://app.elationemr.com/api/2.0/thread_messages/");
    QUrlQuery q;
    q.addQueryItem("thread", QString::number(threadId));
    url.setQuery(q);
    QNetworkReply* reply = m_nam.get(authorized(url));  // api: GET /api/2.0/thread_messages/
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }

  void reply(int threadId, const QString& text) {
    QJsonObject body{{"thread", threadId}, {"body", text}};
    QNetworkRequest req = authorized(QUrl("https://app.elationemr.com/api/2.0/thread_messages/"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply* r = m_nam.post(req, QJsonDocument(body).toJson());  // api: POST /api/2.0/thread_messages/
    QObject::connect(r, &QNetworkReply::finished, r, &QObject::deleteLater);
  }

 private:
  QNetworkRequest authorized(const QUrl& url) const {
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return req;
  }

  QNetworkAccessManager m_nam;
  QString m_clientId;
  QString m_secret;
  QString m_token;
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc < 3) return 2;
  InboxClient inbox(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
  inbox.login();
  inbox.loadMessages(42);
  inbox.reply(42, "We received your message and will call you back today.");
  return app.exec();
}
