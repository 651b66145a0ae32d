// A wrapper declared in the config (`wrappers`), for code the inference cannot see through.
#pragma once

#include <optional>
#include <string>

#include "model/http_method.h"

namespace scopelint {

struct WrapperDeclaration {
  std::string function;  // qualified name, "ElationApi::get" or "elation_get"
  int path_arg = 0;  // 0-based argument holding the URL or path
  std::optional<HttpMethod> method;  // fixed method, or
  int method_arg = -1;  // the argument holding the method ("POST", Method::Post)
  int body_arg = -1;  // the argument holding the body (a form or raw text), if any
};

}  // namespace scopelint
