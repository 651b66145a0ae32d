// A real LSP client: headless Neovim runs `scopelint lsp`, shows the diagnostics, and clears them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lsp_client.h"
#include "test_support.h"

namespace scopelint {
namespace {

using nlohmann::json;

using lsp::client_source;  // line 20 reads allergies with a token that asks for patients only

// Neovim 0.7 (bookworm) has vim.lsp.start_client + buf_attach_client (vim.lsp.start is 0.8+).
// The script records what the server published and what Neovim shows, as JSON files.
constexpr const char* kScript = R"lua(
local root, bin = vim.env.LSP_ROOT, vim.env.SCOPELINT
local published, exit_code = {}, nil
local function save(name, value)
  local f = io.open(root .. '/' .. name, 'w'); f:write(vim.fn.json_encode(value)); f:close()
end
local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    name = 'scopelint', cmd = { bin, 'lsp' }, root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        published[result.uri] = result.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
    on_exit = function(code) exit_code = code end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/client.cpp'))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  vim.lsp.buf_attach_client(buf, id)
  local found = vim.wait(20000, function() return published[uri] ~= nil and #published[uri] > 0 end, 50)
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(shown, { lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message })
  end
  save('before.json', { found = found, uri = uri, published = published[uri] or {}, shown = shown })

  published[uri] = nil
  vim.api.nvim_buf_set_lines(buf, 9, 10, false, { vim.env.FIXED_LINE })
  vim.cmd('write')
  local cleared = vim.wait(20000, function() return published[uri] ~= nil and #published[uri] == 0 end, 50)
  save('after.json', { cleared = cleared, shown = #vim.diagnostic.get(buf) })

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return exit_code ~= nil end, 50)
  save('exit.json', { code = exit_code or -1 })
end)
if not ok then save('error.json', { error = tostring(err) }) end
vim.cmd('qa!')
)lua";

// What the script saved; null (and the assertions fail) when it did not get that far.
json read_json(const std::string& path) {
  json value = json::parse(test::read_text(path), nullptr, false, true);
  return value.is_discarded() ? json::object() : value;
}

TEST(LspNeovim, ShowsMissingScopeAndClearsItAfterTheFix) {
  if (test::run_shell("command -v nvim").exit_code != 0) GTEST_SKIP() << "nvim is not installed";
  test::TempDir workspace;
  workspace.write("client.cpp", client_source("system/patients.read"));
  const std::string script = workspace.write("script.lua", kScript);
  const std::string home =
      test::shell_quote(workspace.path());  // Neovim's logs stay in the temp dir
  const std::string command =
      "cd " + home + " && XDG_CACHE_HOME=" + home + " XDG_STATE_HOME=" + home +
      " XDG_DATA_HOME=" + home + " LSP_ROOT=" + home +
      " SCOPELINT=" + test::shell_quote(test::scopelint_binary()) + " FIXED_LINE=" +
      test::shell_quote(
          "  params.emplace(\"scope\", \"system/patients.read system/allergies.read\");") +
      " timeout 60 nvim --headless --clean -c " + test::shell_quote("luafile " + script) +
      " </dev/null";
  const test::CommandResult nvim = test::run_shell(command);
  ASSERT_EQ(nvim.exit_code, 0) << nvim.out << nvim.err;
  ASSERT_EQ(test::read_text(workspace.path() + "/error.json"), "") << "the Lua script failed";
  json before = read_json(workspace.path() + "/before.json");

  ASSERT_EQ(before["found"], true) << before.dump(2);
  ASSERT_EQ(before["published"].size(), 1u) << before.dump(2);
  json& diagnostic = before["published"][0];
  EXPECT_EQ(diagnostic["code"], "missing-scope");
  EXPECT_EQ(diagnostic["source"], "scopelint");
  EXPECT_EQ(diagnostic["range"]["start"], (json{{"line", 19}, {"character", 29}}));  // UTF-16
  // Neovim turns the UTF-16 character back into a byte column: "cli" starts at byte 32.
  ASSERT_EQ(before["shown"].size(), 1u);
  EXPECT_EQ(before["shown"][0]["lnum"], 19);
  EXPECT_EQ(before["shown"][0]["col"], 32);
  EXPECT_EQ(before["shown"][0]["severity"], 1);
  EXPECT_NE(before["shown"][0]["message"].get<std::string>().find("system/allergies.read"),
            std::string::npos);

  json after = read_json(workspace.path() + "/after.json");
  EXPECT_EQ(after["cleared"], true);
  EXPECT_EQ(after["shown"], 0);
  json exit = read_json(workspace.path() + "/exit.json");
  EXPECT_EQ(exit["code"], 0);
}

}  // namespace
}  // namespace scopelint
