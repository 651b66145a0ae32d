// Finding -> LSP Diagnostic / TextEdit conversion, including column units.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/documents.h"
#include "model/finding.h"

namespace scopelint::lsp {

enum class PositionEncoding { Utf8, Utf16 };

std::string_view encoding_name(PositionEncoding encoding);

// The 0-based LSP character of the 1-based UTF-8 byte `column` in `line_text` (0 when unknown).
unsigned lsp_character(std::string_view line_text, unsigned column, PositionEncoding encoding);

// What a conversion needs: the negotiated encoding, client support, and the text the lint saw.
struct ConversionContext {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool related_information = true;  // else notes are folded into the message
  LineSource* lines = nullptr;
  const Documents* documents = nullptr;
};

// {line, character} for a 1-based line and byte column.
nlohmann::json lsp_position(const SourceLocation& location, ConversionContext& context);

// The LSP range a finding covers: its end when known, else the word (or character) at its start.
nlohmann::json finding_range(const Finding& finding, ConversionContext& context);

nlohmann::json to_diagnostic(const Finding& finding, ConversionContext& context);

nlohmann::json to_text_edit(const Replacement& replacement, ConversionContext& context);

// LSP severity: error 1, warning 2, note 3.
int lsp_severity(Level level);

}  // namespace scopelint::lsp
