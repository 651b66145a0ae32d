// Containers held by a class (extract/resolve/map_lookups.cpp, string_containers.cpp): a member
// map or vector given its entries in the class body or by the one constructor, and only read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "source_scan.h"

namespace scopelint {
namespace {

using test::urls_of;

TEST(MemberContainers, AMemberMapOrVectorThatIsOnlyReadIsKnown) {
  // A lookup in a member map, a loop over a member vector given by the constructor; a member
  // changed by a method, and one two constructors give differently, stay unknown.
  const std::vector<std::string> urls = urls_of(R"(#include <httplib.h>
#include <map>
#include <string>
#include <vector>
class Desk {
 public:
  Desk() : tables_{"/api/2.0/letters/", "/api/2.0/vitals/"} {}
  void run() {
    cli_.Get(paths_.at("referrals"));
    for (const auto& t : tables_) cli_.Get(t);
    cli_.Get(changed_.at("a"));
  }
  void change() { changed_["a"] = "/api/2.0/bills/"; }
 private:
  httplib::Client cli_{"https://app.elationemr.com"};
  const std::map<std::string, std::string> paths_ = {{"referrals", "/api/2.0/referral_orders/"}};
  std::vector<std::string> tables_;
  std::map<std::string, std::string> changed_ = {{"a", "/api/2.0/patients/"}};
};
struct Two {
  Two() : paths_{"/api/2.0/letters/"} {}
  explicit Two(int) : paths_{"/api/2.0/bills/"} {}
  void run() { for (const auto& p : paths_) cli_.Get(p); }
  httplib::Client cli_{"https://app.elationemr.com"};
  std::vector<std::string> paths_;
};
)");
  EXPECT_EQ(urls, (std::vector<std::string>{"9 /api/2.0/referral_orders/", "10 /api/2.0/letters/",
                                            "10 /api/2.0/vitals/", "11 <none>", "23 <none>"}));
}

}  // namespace
}  // namespace scopelint
