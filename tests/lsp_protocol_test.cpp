// Unit tests of the language server's pieces: framing, URIs, column conversion, diagnostics.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "lsp/diagnostics.h"
#include "lsp/json_rpc.h"
#include "lsp/message_writer.h"
#include "lsp/uri.h"

namespace scopelint::lsp {
namespace {

TEST(LspFraming, SplitsMessagesByByteLength) {
  FrameParser parser;
  const std::string body = R"({"text":"é😀"})";  // 2 + 4 bytes of UTF-8: the length counts bytes
  parser.feed(frame(body) + frame("{}"));
  EXPECT_EQ(parser.next(), body);
  EXPECT_EQ(parser.next(), "{}");
  EXPECT_EQ(parser.next(), std::nullopt);
  EXPECT_FALSE(parser.has_buffered_bytes());
}

TEST(LspFraming, WaitsForPartialInput) {
  FrameParser parser;
  const std::string bytes = frame(R"({"a":1})");
  for (size_t i = 0; i + 1 < bytes.size(); ++i) {
    parser.feed(bytes.substr(i, 1));
    EXPECT_EQ(parser.next(), std::nullopt) << "after " << i + 1 << " bytes";
  }
  parser.feed(bytes.substr(bytes.size() - 1));
  EXPECT_EQ(parser.next(), R"({"a":1})");
}

TEST(LspFraming, HeadersAreCaseInsensitiveAndResetPerMessage) {
  FrameParser parser;
  parser.feed(
      "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  parser.feed("CONTENT-LENGTH:3\r\n\r\n[1]");
  // A second message without Content-Length must not reuse the previous one.
  parser.feed("Content-Type: x\r\n\r\nContent-Length: 1\r\n\r\n7");
  EXPECT_EQ(parser.next(), "{}");
  EXPECT_EQ(parser.next(), "[1]");
  std::string error;
  EXPECT_EQ(parser.next(&error), std::nullopt);
  EXPECT_EQ(error, "message without a Content-Length header");
  EXPECT_EQ(parser.next(), "7");
}

TEST(LspFraming, RejectsInvalidLength) {
  FrameParser parser;
  parser.feed("Content-Length: 12x\r\n\r\n");
  std::string error;
  EXPECT_EQ(parser.next(&error), std::nullopt);
  EXPECT_EQ(error, "invalid Content-Length header");
}

TEST(LspFraming, AnOversizedBodyIsSkippedNotBuffered) {
  FrameParser parser;
  // 10 GB announced: nothing is allocated for it, and what arrives is dropped as it comes.
  parser.feed("Content-Length: 10737418240\r\n\r\n");
  std::string error;
  EXPECT_EQ(parser.next(&error), std::nullopt);
  EXPECT_EQ(error, "message of 10737418240 bytes is over the limit of 64 MB; skipped");
  parser.feed(std::string(1 << 20, 'x'));
  EXPECT_EQ(parser.next(), std::nullopt);
  EXPECT_FALSE(parser.has_buffered_bytes());

  // Just over the limit, then a good message: the body is skipped exactly, the next one is read.
  FrameParser exact;
  exact.feed("Content-Length: " + std::to_string(kMaxBodyBytes + 1) + "\r\n\r\n");
  error.clear();
  EXPECT_EQ(exact.next(&error), std::nullopt);
  EXPECT_FALSE(error.empty());
  const std::string chunk(1 << 20, 'y');
  for (size_t sent = 0; sent < kMaxBodyBytes; sent += chunk.size()) {
    exact.feed(chunk);
    EXPECT_EQ(exact.next(), std::nullopt);
  }
  exact.feed("y" + frame("{}"));
  EXPECT_EQ(exact.next(), "{}");
}

TEST(LspFraming, AnEndlessHeaderIsDroppedUpToItsBlankLine) {
  FrameParser parser;
  std::string error;
  for (int i = 0; i < 64; ++i) {
    parser.feed(std::string(16 << 10, 'h'));  // one header line, 1 MB in all, no newline
    parser.next(&error);
  }
  EXPECT_EQ(error, "header block longer than 8192 bytes");
  parser.feed("\r\n\r\n" + frame("[2]"));
  EXPECT_EQ(parser.next(), "[2]");
}

TEST(LspWriter, AClientThatDoesNotReadCannotBlockTheServer) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const auto started = std::chrono::steady_clock::now();
  {
    MessageWriter writer(fds[1], size_t{1} << 20);
    const nlohmann::json message = {{"text", std::string(4096, 'z')}};
    bool accepted = true;
    int written = 0;
    for (; written < 10000 && accepted; ++written) accepted = writer.write(message);
    EXPECT_FALSE(accepted) << "1 MB behind a client that never reads: the writer gives up";
    EXPECT_LT(written, 400);
    EXPECT_FALSE(writer.drain(std::chrono::milliseconds(200)));
  }  // the destructor does not wait for the blocked write
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST(LspWriter, WritesEverythingInOrderToAReader) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string received;
  std::thread reader([&] {
    char buffer[4096];
    ssize_t count;
    while ((count = ::read(fds[0], buffer, sizeof buffer)) > 0)
      received.append(buffer, static_cast<size_t>(count));
  });
  std::string expected;
  {
    MessageWriter writer(fds[1]);
    for (int i = 0; i < 500; ++i) {
      const nlohmann::json message = {{"n", i}, {"pad", std::string(1000, 'p')}};
      expected += frame(dump_json(message));
      EXPECT_TRUE(writer.write(message));
    }
    EXPECT_TRUE(writer.drain());
  }
  ::close(fds[1]);  // the writer closed its own copy: the reader sees the end now
  reader.join();
  ::close(fds[0]);
  EXPECT_EQ(received, expected);
}

TEST(LspFraming, FrameCountsBytes) { EXPECT_EQ(frame("é"), "Content-Length: 2\r\n\r\né"); }

TEST(LspJson, DumpReplacesInvalidUtf8) {
  EXPECT_EQ(dump_json(nlohmann::json("a\xff")), "\"a\xEF\xBF\xBD\"");
}

TEST(LspUri, RoundTripsPathsWithSpecialCharacters) {
  EXPECT_EQ(uri_from_path("/tmp/a b/é#1.cpp"), "file:///tmp/a%20b/%C3%A9%231.cpp");
  EXPECT_EQ(path_from_uri("file:///tmp/a%20b/%C3%A9%231.cpp"), "/tmp/a b/é#1.cpp");
  EXPECT_EQ(path_from_uri("file://localhost/x.cpp"), "/x.cpp");
  EXPECT_EQ(path_from_uri("FILE:///x%3a.cpp"), "/x:.cpp");
  EXPECT_EQ(path_from_uri("untitled:Untitled-1"), "");
  EXPECT_EQ(path_from_uri("file://server/share/x.cpp"), "");
}

TEST(LspPositions, AsciiColumnsAreZeroBased) {
  EXPECT_EQ(lsp_character("int x;", 5, PositionEncoding::Utf16), 4u);
  EXPECT_EQ(lsp_character("int x;", 5, PositionEncoding::Utf8), 4u);
  EXPECT_EQ(lsp_character("int x;", 0, PositionEncoding::Utf16), 0u);
}

TEST(LspPositions, TwoByteCharacterIsOneUtf16Unit) {
  const std::string line = "/* é */ f();";  // 'f' is byte column 10 (é is 2 bytes)
  ASSERT_EQ(line.find('f'), 9u);
  EXPECT_EQ(lsp_character(line, 10, PositionEncoding::Utf16), 8u);
  EXPECT_EQ(lsp_character(line, 10, PositionEncoding::Utf8), 9u);
}

TEST(LspPositions, AstralCharacterIsASurrogatePair) {
  const std::string line = "/* \xF0\x9F\x98\x80 */ f();";  // U+1F600: 4 bytes, 2 UTF-16 units
  ASSERT_EQ(line.find('f'), 11u);
  EXPECT_EQ(lsp_character(line, 12, PositionEncoding::Utf16), 9u);
  EXPECT_EQ(lsp_character(line, 12, PositionEncoding::Utf8), 11u);
  // Mixed: é (1 unit) then 😀 (2 units).
  const std::string mixed = "\xC3\xA9\xF0\x9F\x98\x80x";
  EXPECT_EQ(lsp_character(mixed, 7, PositionEncoding::Utf16), 3u);
}

class LspDiagnosticTest : public ::testing::Test {
 protected:
  Finding finding() const {
    Finding f;
    f.rule = "missing-scope";
    f.level = Level::Error;
    f.message =
        "GET /api/2.0/allergies/ needs scope 'system/allergies.read', which no token request asks "
        "for";
    f.location = {"/ws/client.cpp", 2, 16};
    return f;
  }
  void SetUp() override {
    documents_.set("file:///ws/client.cpp", "int main() {\n  /* é😀 */ cli.Get(\"/x\");\n}\n", 3);
  }
  Documents documents_;
  LineSource lines_{documents_};
  ConversionContext context_{PositionEncoding::Utf16, true, &lines_, &documents_};
};

TEST_F(LspDiagnosticTest, HasClangdShape) {
  const nlohmann::json diagnostic = to_diagnostic(finding(), context_);
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(diagnostic["code"], "missing-scope");
  EXPECT_EQ(diagnostic["source"], "scopelint");
  EXPECT_EQ(diagnostic["codeDescription"]["href"],
            "https://github.com/scopelint/scopelint/blob/main/docs/rules.md#missing-scope");
  EXPECT_EQ(diagnostic["message"], finding().message);
  // Byte column 16 is 'c' of "cli" after "  /* é😀 */ " (2+3+2+4+4 = 15 bytes, 12 UTF-16 units).
  EXPECT_EQ(diagnostic["range"]["start"], (nlohmann::json{{"line", 1}, {"character", 12}}));
  EXPECT_EQ(diagnostic["range"]["end"], (nlohmann::json{{"line", 1}, {"character", 15}}));  // "cli"
}

TEST_F(LspDiagnosticTest, UsesTheFindingEndAndNotes) {
  Finding f = finding();
  f.message += " [missing-scope]";
  f.end = SourceLocation{"/ws/client.cpp", 2, 23};  // after "cli.Get"
  f.notes.push_back({{"/ws/client.cpp", 1, 1}, "the token request is here"});
  f.level = Level::Warning;
  const nlohmann::json diagnostic = to_diagnostic(f, context_);
  EXPECT_EQ(diagnostic["severity"], 2);
  EXPECT_EQ(diagnostic["message"], finding().message);
  EXPECT_EQ(diagnostic["range"]["end"]["character"], 19);
  ASSERT_EQ(diagnostic["relatedInformation"].size(), 1u);
  EXPECT_EQ(diagnostic["relatedInformation"][0]["message"], "the token request is here");
  EXPECT_EQ(diagnostic["relatedInformation"][0]["location"]["uri"], "file:///ws/client.cpp");

  context_.related_information = false;  // a client without support gets the notes in the text
  EXPECT_EQ(to_diagnostic(f, context_)["message"],
            finding().message + "\n\nnote: the token request is here");
}

TEST_F(LspDiagnosticTest, NoteLevelAndUtf8Encoding) {
  Finding f = finding();
  f.level = Level::Note;
  context_.encoding = PositionEncoding::Utf8;
  const nlohmann::json diagnostic = to_diagnostic(f, context_);
  EXPECT_EQ(diagnostic["severity"], 3);
  EXPECT_EQ(diagnostic["range"]["start"]["character"], 15);
}

TEST_F(LspDiagnosticTest, TextEditConvertsBothEnds) {
  Replacement replacement;
  replacement.range.begin = {"/ws/client.cpp", 2, 16};
  replacement.range.end = {"", 2, 19};
  replacement.text = "api";
  const nlohmann::json edit = to_text_edit(replacement, context_);
  EXPECT_EQ(edit["range"]["start"]["character"], 12);
  EXPECT_EQ(edit["range"]["end"]["character"], 15);
  EXPECT_EQ(edit["newText"], "api");
}

}  // namespace
}  // namespace scopelint::lsp
