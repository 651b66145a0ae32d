// imaging_order_bridge: turns radiology requests queued by the RIS into Elation
// imaging orders so they show up on the patient's chart and in the order log.
//
//   imaging_order_bridge [ELATION_BASE_URL]
#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using Poco::JSON::Object;
using Poco::Net::HTTPMessage;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

using Query = std::vector<std::pair<std::string, std::string>>;

class ElationOrders {
public:
    ElationOrders(const std::string& baseUrl, const std::string& clientId, const std::string& secret)
        : base_(baseUrl), session_(base_.getHost(), base_.getPort()) {
        session_.setKeepAlive(true);
        authenticate(clientId, secret);
    }

    Object::Ptr patient(long id) { return send(HTTPRequest::HTTP_GET, "/patients/" + std::to_string(id) + "/").extract<Object::Ptr>(); }

    long centerId(const std::string& name) { return firstId("/imaging_centers/", {{"name", name}}); }
    long testId(const std::string& code) { return firstId("/imaging_order_tests/", {{"code", code}}); }

    long createOrder(const Object& order) {
        std::ostringstream body;
        order.stringify(body);
        return send(HTTPRequest::HTTP_POST, "/imaging_orders/", {}, body.str()).extract<Object::Ptr>()->getValue<long>("id");
    }

private:
    void authenticate(const std::string& clientId, const std::string& secret) {
        const std::vector<std::string> scopes{"system/patient.read", "system/imaging_centers.read",
                                              "system/imaging_order_tests.read", "system/imaging_orders.write"};
        const std::string scope = std::accumulate(scopes.begin() + 1, scopes.end(), scopes.front(),
                                                  [](const std::string& a, const std::string& b) { return a + ' ' + b; });
        HTTPRequest req(HTTPRequest::HTTP_POST, base_.getPath() + "/oauth2/token/", HTTPMessage::HTTP_1_1);
        Poco::Net::HTMLForm form;
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", secret);
        form.add("scope", scope);
        form.prepareSubmit(req);
        form.write(session_.sendRequest(req));  // expect-error [unknown-scope] {{system/patient.read}} // expect-error [missing-scope] {{system/patients.read}}
        HTTPResponse resp;
        std::istream& in = session_.receiveResponse(resp);
        Poco::JSON::Parser parser;
        token_ = parser.parse(in).extract<Object::Ptr>()->getValue<std::string>("access_token");
    }

    long firstId(const std::string& path, const Query& q) {
        auto page = send(HTTPRequest::HTTP_GET, path, q).extract<Object::Ptr>();
        auto results = page->getArray("results");
        return results && results->size() > 0 ? results->getObject(0)->getValue<long>("id") : 0;
    }

    Poco::Dynamic::Var send(const std::string& method, const std::string& path, const Query& q = {},
                            const std::string& body = "") {
        Poco::URI uri(base_);
        uri.setPath(base_.getPath() + path);
        for (const auto& [k, v] : q) uri.addQueryParameter(k, v);

        HTTPRequest req(method, uri.getPathAndQuery(), HTTPMessage::HTTP_1_1);
        req.set("Authorization", "Bearer " + token_);
        req.setContentType("application/json");
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        session_.sendRequest(req) << body;  // api: GET /api/2.0/patients/{id}/ // api: GET /api/2.0/imaging_centers/ // api: GET /api/2.0/imaging_order_tests/ // api: POST /api/2.0/imaging_orders/
        HTTPResponse resp;
        std::istream& in = session_.receiveResponse(resp);
        if (resp.getStatus() >= 400) {
            std::string err;
            Poco::StreamCopier::copyToString(in, err);
            throw Poco::Exception(method + " " + path + ": " + err, resp.getStatus());
        }
        Poco::JSON::Parser parser;
        return parser.parse(in);
    }

    Poco::URI base_;
    Poco::Net::HTTPSClientSession session_;
    std::string token_;
};

// RIS work queue (internal, plain HTTP inside the imaging VLAN)
static Poco::JSON::Array::Ptr risPending(Poco::Net::HTTPClientSession& ris) {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/v1/requests?state=ready", HTTPMessage::HTTP_1_1);
    ris.sendRequest(req);
    HTTPResponse resp;
    Poco::JSON::Parser parser;
    return parser.parse(ris.receiveResponse(resp)).extract<Poco::JSON::Array::Ptr>();
}

static void risAck(Poco::Net::HTTPClientSession& ris, const std::string& requestId, long orderId) {
    const std::string body = "{\"elation_order_id\": " + std::to_string(orderId) + "}";
    HTTPRequest req(HTTPRequest::HTTP_POST, "/v1/requests/" + requestId + "/ack", HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    ris.sendRequest(req) << body;
    HTTPResponse resp;
    ris.receiveResponse(resp);
}

int main(int argc, char** argv) {
    const std::string base = argc > 1 ? argv[1] : "https://sandbox.elationemr.com/api/2.0";
    try {
        ElationOrders elation(base, std::getenv("ELATION_CLIENT_ID"), std::getenv("ELATION_CLIENT_SECRET"));
        Poco::Net::HTTPClientSession ris("ris-queue.internal", 8085);

        auto pending = risPending(ris);
        for (std::size_t i = 0; i < pending->size(); ++i) {
            Object::Ptr r = pending->getObject(i);
            const long patientId = r->getValue<long>("elation_patient_id");
            if (elation.patient(patientId)->getValue<long>("id") != patientId) continue;

            Object order;
            order.set("patient", patientId);
            order.set("ordering_physician", r->getValue<long>("ordering_physician_id"));
            order.set("imaging_center", elation.centerId(r->getValue<std::string>("site")));
            Poco::JSON::Array tests;
            tests.add(elation.testId(r->getValue<std::string>("cpt")));
            order.set("tests", tests);
            order.set("clinical_reason", r->getValue<std::string>("indication"));

            risAck(ris, r->getValue<std::string>("id"), elation.createOrder(order));
        }
    } catch (const Poco::Exception& e) {
        std::cerr << e.displayText() << "\n";
        return 1;
    }
    return 0;
}
