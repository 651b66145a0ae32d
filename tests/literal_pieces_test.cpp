// Literal pieces: kept through the string operations, carried by both facts codecs, and turned into
// the token request's scope literal by classification.
#include <gtest/gtest.h>

#include "classify/classify.h"
#include "codec/facts_codec.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/string_values.h"

namespace scopelint {
namespace {

using extract::PiecedText;
using extract::ResolvedString;

SourceRange range_at(const std::string& file, unsigned line, unsigned column, unsigned length) {
  return SourceRange{
      {file, line, column}, {file, line, column + length}, 100 * line + column, length};
}

ResolvedString literal(const std::string& value, const std::string& file, unsigned line) {
  return ResolvedString::literal_text(
      value, range_at(file, line, 5, static_cast<unsigned>(value.size() + 2)));
}

// The text a piece covers.
std::string covered(const std::string& text, const LiteralPiece& piece) {
  return text.substr(piece.begin, piece.length);
}

TEST(LiteralPieces, ConcatenationKeepsEachLiteralsRun) {
  ResolvedString body = literal("grant_type=client_credentials&scope=", "a.cpp", 3);
  body.append(ResolvedString::wildcard());
  body.append(literal("system/a.read", "h.h", 7));
  ASSERT_EQ(body.pieces.size(), 2u);
  EXPECT_EQ(covered(body.text, body.pieces[1]), "system/a.read");
  EXPECT_EQ(body.pieces[1].literal.begin.file, "h.h");
  EXPECT_FALSE(body.spelling_literal());  // no one literal spells the whole body
}

TEST(LiteralPieces, PrintfFormatsKeepTheFormatsRunsAndTheArguments) {
  ResolvedString format = literal("scope=%s&x=%d&p=100%%", "a.cpp", 2);
  ResolvedString out = extract::format_printf(
      format, {literal("system/a.read", "h.h", 9), ResolvedString::wildcard()});
  EXPECT_EQ(out.text, "scope=system/a.read&x={}&p=100%");
  ASSERT_EQ(out.pieces.size(), 4u);
  EXPECT_EQ(covered(out.text, out.pieces[0]), "scope=");
  EXPECT_EQ(covered(out.text, out.pieces[1]), "system/a.read");
  EXPECT_EQ(out.pieces[1].literal.begin.file, "h.h");
  EXPECT_EQ(covered(out.text, out.pieces[2]), "&x=");
  EXPECT_EQ(out.pieces[2].value_offset, 8u);  // "&x=" starts at byte 8 of the format literal
  EXPECT_EQ(covered(out.text, out.pieces[3]), "&p=100%");
}

TEST(LiteralPieces, QtArgReplacesMarkersInsideTheFormatLiteral) {
  ResolvedString out =
      extract::format_qt_arg(literal("scope=%1&a=b", "a.cpp", 2), {literal("x.read", "h.h", 4)});
  EXPECT_EQ(out.text, "scope=x.read&a=b");
  ASSERT_EQ(out.pieces.size(), 3u);
  EXPECT_EQ(covered(out.text, out.pieces[1]), "x.read");
  EXPECT_EQ(out.pieces[2].value_offset, 8u);
}

TEST(LiteralPieces, EncodingMarksThePieceAndSpansTheEncodedBytes) {
  ResolvedString prefix = ResolvedString::constant("a b");
  prefix.append(literal("x/y z", "h.h", 1));
  auto pieces = extract::encode_pieces(prefix.text, prefix.pieces);
  const std::string encoded = extract::percent_encode(prefix.text);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_TRUE(pieces[0].encoded);
  EXPECT_EQ(covered(encoded, pieces[0]), "x%2Fy%20z");
  EXPECT_EQ(pieces[0].value_length, 5u);
  EXPECT_TRUE(
      extract::encode_pieces(encoded, pieces).empty());  // encoded twice: not the literal's text
}

TEST(LiteralPieces, CollapsingAndSlotSubstitutionMoveThePieces) {
  PiecedText text{"{}{}x.read", {}};
  LiteralPiece piece = extract::whole_literal_piece(range_at("h.h", 1, 1, 8), "x.read");
  piece.begin = 4;
  text.pieces = {piece};
  PiecedText collapsed = extract::collapse_pieced(text);
  EXPECT_EQ(collapsed.text, "{}x.read");
  ASSERT_EQ(collapsed.pieces.size(), 1u);
  EXPECT_EQ(collapsed.pieces[0].begin, 2u);

  const std::string slot = extract::slot_text("f", 0);
  PiecedText wrapper{"scope=" + slot,
                     {extract::whole_literal_piece(range_at("w.h", 3, 1, 8), "scope=")}};
  PiecedText called = extract::substitute_pieced(wrapper, [&](const extract::ParameterSlot&) {
    return PiecedText{"a.read",
                      {extract::whole_literal_piece(range_at("c.cpp", 9, 1, 8), "a.read")}};
  });
  EXPECT_EQ(called.text, "scope=a.read");
  ASSERT_EQ(called.pieces.size(), 2u);
  EXPECT_EQ(called.pieces[1].begin, 6u);
  EXPECT_EQ(called.pieces[1].literal.begin.file, "c.cpp");
}

HttpCall token_call(const std::string& raw, std::vector<LiteralPiece> pieces) {
  HttpCall call;
  call.location = {"src/a.cpp", 20, 3};
  call.method = HttpMethod::Post;
  call.url = "https://app.elationemr.com/api/2.0/oauth2/token/";
  call.body.kind = RequestBody::Kind::Raw;
  call.body.raw = raw;
  call.body.raw_pieces = std::move(pieces);
  return call;
}

TEST(LiteralPieces, ClassificationFindsWhereTheScopeValueIsWritten) {
  const std::string raw = "grant_type=client_credentials&scope=system/patients.read";
  LiteralPiece prefix =
      extract::whole_literal_piece(range_at("src/a.cpp", 18, 20, 38), raw.substr(0, 36));
  LiteralPiece value =
      extract::whole_literal_piece(range_at("include/c.h", 4, 33, 22), "system/patients.read");
  value.begin = 36;
  Facts facts;
  facts.calls = {token_call(raw, {prefix, value})};
  ClassifiedFacts classified = classify(facts, default_catalog());
  ASSERT_EQ(classified.tokens.size(), 1u);
  const TokenRequest& token = classified.tokens[0];
  ASSERT_TRUE(token.scope_literal);
  EXPECT_EQ(token.scope_literal->literal.begin.file, "include/c.h");
  EXPECT_EQ(token.scope_literal->value_offset, 0u);
  EXPECT_EQ(token.scope_literal->value_length, 20u);
  EXPECT_EQ(token.scope_literal->encoding, ScopeEncoding::Wire);
  EXPECT_TRUE(scope_written_elsewhere(token));

  // One literal for the whole body, in the request: the value sits after "scope=" in it.
  facts.calls = {
      token_call(raw, {extract::whole_literal_piece(range_at("src/a.cpp", 20, 40, 58), raw)})};
  classified = classify(facts, default_catalog());
  ASSERT_TRUE(classified.tokens[0].scope_literal);
  EXPECT_EQ(classified.tokens[0].scope_literal->value_offset, 36u);
  EXPECT_FALSE(scope_written_elsewhere(classified.tokens[0]));

  // Two scope parameters: which one the server reads is unclear, so neither is the place.
  const std::string twice = raw + "&scope=system/allergies.read";
  facts.calls = {
      token_call(twice, {extract::whole_literal_piece(range_at("src/a.cpp", 20, 40, 86), twice)})};
  EXPECT_FALSE(classify(facts, default_catalog()).tokens[0].scope_literal);

  // A piece that claims more text than the body has (hand-written facts) is ignored.
  value.length = 400;
  facts.calls = {token_call(raw, {prefix, value})};
  EXPECT_FALSE(classify(facts, default_catalog()).tokens[0].scope_literal);
}

TEST(LiteralPieces, FactsCodecRoundTripsPieces) {
  LiteralPiece piece =
      extract::whole_literal_piece(range_at("include/c.h", 4, 33, 22), "system/patients.read");
  piece.begin = 36;
  piece.encoded = true;
  piece.length = 24;
  HttpCall call = token_call("grant_type=client_credentials&scope=system%2Fpatients.read", {piece});
  call.body.fields = {{"scope", "x.read", std::nullopt, {piece}}};
  const JsonWhere where("facts.json", "/calls");
  const auto decoded = decode_calls(encode_calls({call}), where);
  ASSERT_EQ(decoded.size(), 1u);
  ASSERT_EQ(decoded[0].body.raw_pieces.size(), 1u);
  const LiteralPiece& back = decoded[0].body.raw_pieces[0];
  EXPECT_EQ(back.begin, 36u);
  EXPECT_EQ(back.length, 24u);
  EXPECT_EQ(back.value_length, 20u);
  EXPECT_TRUE(back.encoded);
  EXPECT_EQ(back.literal.begin.file, "include/c.h");
  EXPECT_EQ(back.literal.offset, piece.literal.offset);
  ASSERT_EQ(decoded[0].body.fields.at(0).value_pieces.size(), 1u);

  auto broken = encode_calls({call});
  broken[0]["body"]["raw_pieces"][0] = nlohmann::json::array({1, 2});
  try {
    (void)decode_calls(broken, where);
    ADD_FAILURE() << "a piece that is not an object decoded";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "facts.json: /calls/0/body/raw_pieces/0: expected an object");
  }
}

TEST(LiteralPieces, FactsJsonReadsPieces) {
  Facts facts = parse_facts_json(
      R"({"calls": [{"file": "src/a.cpp", "line": 20, "column": 3, "method": "POST",
      "url": "https://app.elationemr.com/api/2.0/oauth2/token/",
      "body": {"kind": "raw", "raw": "grant_type=client_credentials&scope=system/patients.read",
               "raw_pieces": [{"begin": 36, "length": 20, "file": "include/c.h", "line": 4, "column": 33,
                               "end_column": 55, "offset": 90, "literal_length": 22, "value_offset": 0}]}}]})",
      "facts.json").facts;
  ASSERT_EQ(facts.calls.size(), 1u);
  ASSERT_EQ(facts.calls[0].body.raw_pieces.size(), 1u);
  const LiteralPiece& piece = facts.calls[0].body.raw_pieces[0];
  EXPECT_EQ(piece.value_length, 20u);
  EXPECT_EQ(piece.literal.end.line, 4u);
  EXPECT_EQ(piece.literal.length, 22u);
  ClassifiedFacts classified = classify(facts, default_catalog());
  ASSERT_TRUE(classified.tokens.at(0).scope_literal);
  EXPECT_EQ(classified.tokens[0].scope_literal->literal.begin.file, "include/c.h");
  EXPECT_THROW(parse_facts_json(
                   R"({"calls": [{"body": {"kind": "raw", "raw_pieces": [{"begin": 1}]}}]})", "f"),
               std::runtime_error);  // a piece names its file
}

}  // namespace
}  // namespace scopelint
