// appointment_board: builds today's lobby board (who is booked, with which
// provider, in which room and location) and pushes it to the lobby display
// service. With --write it also marks patients who are 20 minutes late as
// "No Show" so the front desk does not have to.
//
// usage: appointment_board [--host URL] [--practice ID] [--write]
// Environment: ELATION_CLIENT_ID, ELATION_CLIENT_SECRET, LOBBY_DISPLAY_URL
#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <functional>

enum class Feed { Appointments, Rooms, AppointmentTypes, Providers, Locations };

static QString endpoint(Feed feed, qint64 id = 0) {
    QString path;
    switch (feed) {
    case Feed::Appointments: path = "/appointments/"; break;
    case Feed::Rooms: path = "/appointments/rooms/"; break;
    case Feed::AppointmentTypes: path = "/appointment_types/"; break;
    case Feed::Providers: path = "/physicians/"; break;
    case Feed::Locations: path = "/service_locations/"; break;
    }
    return id ? path + QString::number(id) + "/" : path;
}

class Board {
public:
    Board(QString base, QString practice, bool write) : base_(std::move(base)), practice_(std::move(practice)), write_(write) {}

    void start() {
        QStringList scopes{"system/appointments.read", "system/appointment_types.read", "system/physicians.read"};
        if (write_)
            scopes << "system/appointments.write";

        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", qEnvironmentVariable("ELATION_CLIENT_ID"));
        form.addQueryItem("client_secret", qEnvironmentVariable("ELATION_CLIENT_SECRET"));
        form.addQueryItem("scope", scopes.join(' '));
        QNetworkRequest req(QUrl(base_ + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* reply = nam_.post(req, form.query(QUrl::FullyEncoded).toUtf8());  // expect-error [missing-scope] {{system/service_locations.read}}
        QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
            token_ = QJsonDocument::fromJson(reply->readAll()).object().value("access_token").toString().toUtf8();
            reply->deleteLater();
            if (token_.isEmpty())
                return QCoreApplication::exit(1);
            loadLookups();
        });
    }

private:
    QNetworkRequest request(const QString& path, const QUrlQuery& query = {}) const {
        QUrl url(base_);
        url.setPath(url.path() + path);
        url.setQuery(query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + token_);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return req;
    }

    void fetch(Feed feed, const QUrlQuery& query, std::function<void(const QJsonObject&)> done) {
        ++pending_;
        QNetworkReply* reply = nam_.get(request(endpoint(feed), query));  // api: GET /api/2.0/appointments/ // api: GET /api/2.0/appointments/rooms/ // api: GET /api/2.0/appointment_types/ // api: GET /api/2.0/physicians/ // api: GET /api/2.0/service_locations/
        QObject::connect(reply, &QNetworkReply::finished, [this, reply, done] {
            done(QJsonDocument::fromJson(reply->readAll()).object());
            reply->deleteLater();
            if (--pending_ == 0)
                publish();
        });
    }

    void loadLookups() {
        QUrlQuery byPractice;
        byPractice.addQueryItem("practice", practice_);
        for (Feed f : {Feed::AppointmentTypes, Feed::Providers, Feed::Locations, Feed::Rooms}) {
            fetch(f, byPractice, [this, f](const QJsonObject& page) {
                for (const QJsonValue& v : page.value("results").toArray()) {
                    const QJsonObject o = v.toObject();
                    const QString label = o.contains("name") ? o.value("name").toString()
                                                             : o.value("first_name").toString() + " " +
                                                                   o.value("last_name").toString();
                    names_[int(f)].insert(o.value("id").toVariant().toLongLong(), label);
                }
            });
        }
        QUrlQuery today = byPractice;
        today.addQueryItem("from_date", QDate::currentDate().toString(Qt::ISODate));
        today.addQueryItem("to_date", QDate::currentDate().addDays(1).toString(Qt::ISODate));
        fetch(Feed::Appointments, today, [this](const QJsonObject& page) { appointments_ = page.value("results").toArray(); });
    }

    void publish() {
        QJsonArray rows;
        const QDateTime cutoff = QDateTime::currentDateTime().addSecs(-20 * 60);
        for (const QJsonValue& v : appointments_) {
            const QJsonObject a = v.toObject();
            const QString status = a.value("status").toObject().value("status").toString();
            rows.append(QJsonObject{
                {"time", a.value("scheduled_date").toString().mid(11, 5)},
                {"type", names_[int(Feed::AppointmentTypes)].value(a.value("appointment_type").toVariant().toLongLong())},
                {"provider", names_[int(Feed::Providers)].value(a.value("physician").toVariant().toLongLong())},
                {"location", names_[int(Feed::Locations)].value(a.value("service_location").toVariant().toLongLong())},
                {"status", status}});
            if (write_ && status == "Scheduled" &&
                QDateTime::fromString(a.value("scheduled_date").toString(), Qt::ISODate) < cutoff) {
                const QByteArray body = QJsonDocument(QJsonObject{{"status", QJsonObject{{"status", "No Show"}}}}).toJson();
                nam_.sendCustomRequest(request(endpoint(Feed::Appointments, a.value("id").toVariant().toLongLong())), "PATCH", body);  // api: PATCH /api/2.0/appointments/{id}/
            }
        }
        // Lobby display service (in-house, on the clinic LAN).
        QNetworkRequest display(QUrl(qEnvironmentVariable("LOBBY_DISPLAY_URL", "http://lobby-display.local:8090/board")));
        display.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = nam_.post(display, QJsonDocument(rows).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, [reply] {
            reply->deleteLater();
            QCoreApplication::exit(reply->error() == QNetworkReply::NoError ? 0 : 1);
        });
    }

    QNetworkAccessManager nam_;
    QString base_, practice_;
    bool write_;
    QByteArray token_;
    int pending_ = 0;
    QHash<int, QHash<qint64, QString>> names_;
    QJsonArray appointments_;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"host", "Elation API base URL.", "url", "https://app.elationemr.com/api/2.0"});
    parser.addOption({"practice", "Practice id.", "id", "65540"});
    parser.addOption({"write", "Mark late patients as No Show."});
    parser.process(app);

    Board board(parser.value("host"), parser.value("practice"), parser.isSet("write"));
    board.start();
    return app.exec();
}
