// Lab compendium cache for the order-entry tablet app.
//
// Walks vendor -> compendium -> tests once a night and writes a flat cache the
// tablet reads offline. Also publishes the clinic's "favourite panels" as an
// Elation lab order set so they show up in the web UI as well.
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>
#include <QVector>
#include <functional>

enum class Catalog { Vendors, Compendiums, Tests, OrderSets };

static QString catalogPath(Catalog c) {
    switch (c) {
    case Catalog::Vendors:     return QStringLiteral("/lab_vendors/");
    case Catalog::Compendiums: return QStringLiteral("/lab_order_compendiums/");
    case Catalog::Tests:       return QStringLiteral("/lab_order_tests/");
    case Catalog::OrderSets:   return QStringLiteral("/lab_order_sets/");
    }
    return QString();
}

class CompendiumCache {
public:
    explicit CompendiumCache(QSettings& settings)
        : apiRoot_(settings.value("elation/api_root", "https://sandbox.elationemr.com/api/2.0").toString()),
          clientId_(settings.value("elation/client_id").toString()),
          clientSecret_(settings.value("elation/client_secret").toString()) {}

    void start(std::function<void()> done) {
        done_ = std::move(done);
        const QVector<QPair<QString, QString>> grants = {
            {"lab_vendors", "read"}, {"lab_order_compendiums", "read"},
            {"lab_order_tests", "read"}, {"lab_order_sets", "read"}};
        QString scope;
        for (const auto& g : grants) {
            if (!scope.isEmpty()) scope += QLatin1Char(' ');
            scope += QStringLiteral("system/%1.%2").arg(g.first, g.second);
        }
        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", clientId_);
        form.addQueryItem("client_secret", clientSecret_);
        form.addQueryItem("scope", scope);
        QNetworkRequest req(QUrl(apiRoot_ + "/oauth2/token/"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply* reply = nam_.post(req, form.toString(QUrl::FullyEncoded).toUtf8());
        QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
            reply->deleteLater();
            bearer_ = "Bearer " + QJsonDocument::fromJson(reply->readAll()).object()["access_token"].toString().toUtf8();
            fetch(Catalog::Vendors, {}, [this](const QJsonArray& vendors) { onVendors(vendors); });
        });
    }

private:
    using Handler = std::function<void(const QJsonArray&)>;

    void fetch(Catalog c, const QUrlQuery& query, Handler handler) {
        QUrl url(apiRoot_ + catalogPath(c));
        url.setQuery(query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", bearer_);
        ++pending_;
        QNetworkReply* reply = nam_.get(req);  // api: GET /api/2.0/lab_vendors/ // api: GET /api/2.0/lab_order_compendiums/ // api: GET /api/2.0/lab_order_tests/ // api: GET /api/2.0/lab_order_sets/
        QObject::connect(reply, &QNetworkReply::finished, [this, reply, handler] {
            reply->deleteLater();
            handler(QJsonDocument::fromJson(reply->readAll()).object()["results"].toArray());
            if (--pending_ == 0) finish();
        });
    }

    void onVendors(const QJsonArray& vendors) {
        for (const QJsonValue& v : vendors) {
            QUrlQuery q;
            q.addQueryItem("lab_vendor", QString::number(v["id"].toInt()));
            fetch(Catalog::Compendiums, q, [this](const QJsonArray& comps) {
                for (const QJsonValue& c : comps) {
                    QUrlQuery tq;
                    tq.addQueryItem("compendium", QString::number(c["id"].toInt()));
                    tq.addQueryItem("limit", "500");
                    fetch(Catalog::Tests, tq, [this](const QJsonArray& tests) {
                        for (const QJsonValue& t : tests) cache_.append(t);
                    });
                }
            });
        }
    }

    void publishFavourites() {
        QFile f(QStringLiteral("favourite_panels.json"));
        if (!f.open(QIODevice::ReadOnly)) return;
        const QByteArray body = f.readAll();
        const QString name = QJsonDocument::fromJson(body).object()["name"].toString();
        QUrlQuery q;
        q.addQueryItem("name", name);
        fetch(Catalog::OrderSets, q, [this, body](const QJsonArray& existing) {
            if (existing.isEmpty()) postOrderSet(body);
            else if (done_) done_();
        });
    }

    void postOrderSet(const QByteArray& body) {
        QNetworkRequest req(QUrl(apiRoot_ + catalogPath(Catalog::OrderSets)));
        req.setRawHeader("Authorization", bearer_);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = nam_.post(req, body);  // api: POST /api/2.0/lab_order_sets/
        // expect-error [missing-scope] {{system/lab_order_sets.write}}
        QObject::connect(reply, &QNetworkReply::finished, [this, reply] {
            reply->deleteLater();
            if (done_) done_();
        });
    }

    void finish() {
        if (finished_) return;
        finished_ = true;
        QFile out(QStringLiteral("compendium_cache.json"));
        if (out.open(QIODevice::WriteOnly)) out.write(QJsonDocument(cache_).toJson(QJsonDocument::Compact));
        publishFavourites();
    }

    QString apiRoot_, clientId_, clientSecret_;
    QByteArray bearer_;
    QNetworkAccessManager nam_;
    QJsonArray cache_;
    int pending_ = 0;
    bool finished_ = false;
    std::function<void()> done_;
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName("Harbor Family Medicine");
    QCoreApplication::setApplicationName("compendium-cache");
    QSettings settings;
    CompendiumCache cache(settings);
    cache.start([] { QCoreApplication::quit(); });
    return app.exec();
}
