// The library models applied to call arguments (extract/match/call_argument.h): the one place both
// front ends, the AST and the tokens of a degraded unit, give arguments their roles.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/match/call_argument.h"

namespace scopelint::extract {
namespace {

// An argument with fixed answers, as either front end could give them.
struct FakeArgument final : CallArgument {
  std::optional<Role> role;
  bool stringish = false;
  ResolvedString text = ResolvedString::wildcard();
  ResolvedFields form;
  std::optional<HttpMethod> named_method;
  bool null_pointer = false;
  bool false_value = false;
  ResolvedList list;
  std::string enumerator_name;

  std::optional<Role> role_by_type() const override { return role; }
  bool is_stringish() const override { return stringish; }
  ResolvedString value() const override { return text; }
  ResolvedFields fields() const override { return form; }
  std::optional<HttpMethod> method() const override { return named_method; }
  std::optional<std::string> method_slot() const override { return std::nullopt; }
  bool is_null_pointer() const override { return null_pointer; }
  bool is_false() const override { return false_value; }
  ResolvedList list_items() const override { return list; }
  std::string enumerator() const override { return enumerator_name; }
};

FakeArgument string_argument(const std::string& text) {
  FakeArgument arg;
  arg.stringish = true;
  arg.text = ResolvedString::constant(text);
  return arg;
}

// An attachment that counts how often it is worked out.
struct CountingAttachment {
  int calls = 0;
  AttachedAt at() {
    return [this] {
      ++calls;
      return Attachment{{"client.cpp", 7, 3}, {}};
    };
  }
};

TEST(CallArgument, BodyAfterUrlSkipsIgnoredArgumentsAndTakesTheFirstString) {
  CallModel model;
  model.url_arg = 0;
  model.body_after_url = true;
  FakeArgument url = string_argument("/api/2.0/patients/");
  FakeArgument headers;
  headers.role = Role::Ignore;
  FakeArgument body = string_argument("{\"first_name\": \"Ada\"}");
  FakeArgument content_type = string_argument("application/json");
  CountingAttachment attachment;
  RequestParts parts;
  apply_call_model(model, "POST", {&url, &headers, &body, &content_type}, attachment.at(), parts);
  EXPECT_EQ(parts.method, HttpMethod::Post);
  EXPECT_TRUE(parts.method_given);
  ASSERT_TRUE(parts.url);
  EXPECT_EQ(parts.url->text, "/api/2.0/patients/");
  EXPECT_EQ(parts.url_location, (SourceLocation{"client.cpp", 7, 3}));
  EXPECT_EQ(parts.body.kind, RequestBody::Kind::Raw);
  EXPECT_EQ(parts.body.raw, std::optional<std::string>("{\"first_name\": \"Ada\"}"));
  EXPECT_EQ(attachment.calls, 1);
}

TEST(CallArgument, ArgumentsByTypeTakeTheRoleOfTheirType) {
  CallModel model;
  model.args_by_type = true;
  FakeArgument url = string_argument("https://app.elationemr.com/api/2.0/problems/");
  url.role = Role::Url;
  FakeArgument form;
  form.role = Role::Fields;
  form.form.known = true;
  form.form.fields.push_back({"grant_type", std::string("client_credentials"), std::nullopt, {}});
  FakeArgument timeout;  // a type the library does not list
  CountingAttachment attachment;
  RequestParts parts;
  apply_call_model(model, "", {&timeout, &form, &url}, attachment.at(), parts);
  ASSERT_TRUE(parts.url);
  EXPECT_EQ(parts.url->text, "https://app.elationemr.com/api/2.0/problems/");
  EXPECT_EQ(parts.body.kind, RequestBody::Kind::Fields);
  ASSERT_EQ(parts.body.fields.size(), 1u);
  EXPECT_EQ(parts.body.fields[0].key, "grant_type");
}

TEST(CallArgument, AFormNotUnderstoodIsAnUnknownBodyAndNoUrlNoAttachment) {
  CallModel model;
  model.body_arg = 0;
  FakeArgument form;
  form.role = Role::Fields;  // fields.known stays false
  CountingAttachment attachment;
  RequestParts parts;
  apply_call_model(model, "", {&form}, attachment.at(), parts);
  EXPECT_EQ(parts.body.kind, RequestBody::Kind::Unknown);
  EXPECT_FALSE(parts.url);
  EXPECT_EQ(attachment.calls, 0);
}

TEST(CallArgument, AMethodArgumentThatIsNotKnownIsStillGiven) {
  CallModel model;
  model.method_arg = 0;
  FakeArgument verb;  // named_method stays empty
  CountingAttachment attachment;
  RequestParts parts;
  apply_call_model(model, "", {&verb}, attachment.at(), parts);
  EXPECT_FALSE(parts.method);
  EXPECT_TRUE(parts.method_given);
}

TEST(CallArgument, HandleOptionsFollowLibcurlsRules) {
  HandleOption post;
  post.method = HttpMethod::Post;
  post.when_true = true;
  post.body = Role::UnknownBody;
  HandleOption custom;
  custom.custom_method = true;
  CountingAttachment attachment;
  HandleState state;
  FakeArgument one = string_argument("1");
  apply_handle_option(post, one, attachment.at(), state);
  EXPECT_EQ(parts_at_perform(state).method, HttpMethod::Post);
  EXPECT_EQ(parts_at_perform(state).body.kind, RequestBody::Kind::Unknown);

  FakeArgument patch = string_argument("PATCH");
  patch.named_method = HttpMethod::Patch;
  apply_handle_option(custom, patch, attachment.at(), state);
  EXPECT_EQ(parts_at_perform(state).method, HttpMethod::Patch);

  // A null CUSTOMREQUEST restores the method the other options give; POST 0 turns it off again.
  FakeArgument null;
  null.null_pointer = true;
  apply_handle_option(custom, null, attachment.at(), state);
  EXPECT_EQ(parts_at_perform(state).method, HttpMethod::Post);
  FakeArgument zero = string_argument("0");
  zero.false_value = true;
  apply_handle_option(post, zero, attachment.at(), state);
  const RequestParts sent = parts_at_perform(state);
  EXPECT_EQ(sent.method, HttpMethod::Get);
  EXPECT_EQ(sent.body.kind, RequestBody::Kind::None);  // GET sends no body
  EXPECT_EQ(attachment.calls, 0);
}

TEST(CallArgument, HeaderRolesGiveTheNamesOfTheHeadersSet) {
  CountingAttachment attachment;
  RequestParts parts;
  apply_role(Role::Header, string_argument("X-On-Behalf-Of"), attachment.at(), parts);
  apply_role(Role::HeaderLine, string_argument("Accept : application/json"), attachment.at(), parts);
  FakeArgument collection;
  collection.form.known = true;
  collection.form.fields = {FormField{"Authorization", std::nullopt, {}, {}}};
  apply_role(Role::Headers, collection, attachment.at(), parts);
  FakeArgument field;  // beast's set(http::field::user_agent, ...)
  field.enumerator_name = "user_agent";
  apply_role(Role::Header, field, attachment.at(), parts);
  EXPECT_EQ(parts.headers, (std::vector<std::string>{"X-On-Behalf-Of", "Accept", "Authorization", "user_agent"}));
  EXPECT_FALSE(parts.headers_unknown);
  EXPECT_EQ(attachment.calls, 0);
}

TEST(CallArgument, AHeaderNotWorkedOutMakesTheHeadersUnknown) {
  CountingAttachment attachment;
  for (Role role : {Role::Header, Role::HeaderLine, Role::Headers}) {
    RequestParts parts;
    FakeArgument unknown;  // a run-time name, a line not understood, a collection not understood
    apply_role(role, unknown, attachment.at(), parts);
    EXPECT_TRUE(parts.headers_unknown) << static_cast<int>(role);
    EXPECT_TRUE(parts.headers.empty());
  }
  RequestParts parts;
  apply_role(Role::HeaderLine, string_argument("{}: 42"), attachment.at(), parts);
  EXPECT_TRUE(parts.headers_unknown);
}

TEST(CallArgument, AHeaderListOptionReplacesTheHeadersWithTheLinesOfItsList) {
  HandleOption option;
  option.header_list = true;
  FakeArgument list;
  list.list.known = true;
  list.list.items = {ResolvedString::constant("X-On-Behalf-Of: {}"), ResolvedString::constant("Accept: */*")};
  HandleState state;
  state.parts.headers = {"Old"};
  CountingAttachment attachment;
  apply_handle_option(option, list, attachment.at(), state);
  EXPECT_EQ(state.parts.headers, (std::vector<std::string>{"X-On-Behalf-Of", "Accept"}));
  EXPECT_FALSE(state.parts.headers_unknown);
  FakeArgument not_understood;
  apply_handle_option(option, not_understood, attachment.at(), state);
  EXPECT_TRUE(state.parts.headers.empty());
  EXPECT_TRUE(state.parts.headers_unknown);
  FakeArgument null_list;  // CURLOPT_HTTPHEADER, NULL: no custom headers
  null_list.null_pointer = true;
  apply_handle_option(option, null_list, attachment.at(), state);
  EXPECT_FALSE(state.parts.headers_unknown);
}

TEST(CallArgument, HeadersAfterTheUrlAreHeadersNotTheBody) {
  CallModel model;
  model.url_arg = 0;
  model.body_after_url = true;
  FakeArgument url = string_argument("/api/2.0/patients/");
  FakeArgument headers;
  headers.role = Role::Headers;
  headers.form.known = true;
  headers.form.fields = {FormField{"X-On-Behalf-Of", std::nullopt, {}, {}}};
  FakeArgument body = string_argument("{}");
  CountingAttachment attachment;
  RequestParts parts;
  apply_call_model(model, "POST", {&url, &headers, &body}, attachment.at(), parts);
  EXPECT_EQ(parts.headers, std::vector<std::string>{"X-On-Behalf-Of"});
  EXPECT_EQ(parts.body.kind, RequestBody::Kind::Raw);
}

}  // namespace
}  // namespace scopelint::extract
