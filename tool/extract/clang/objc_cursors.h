// Objective-C in the terms the matchers and the resolver use for C++: a message send is a call
// (its method the callee, its receiver the object), a property set with dot syntax is a call of
// its setter, and a method's class is named like a C++ class ("NSURL::URLWithString:").
#pragma once

#include <clang-c/Index.h>

#include <optional>
#include <string>
#include <vector>

namespace scopelint::extract {

// The class an Objective-C container declares members of: an interface or implementation is its
// class, a category (`@interface NSString (Paths)`) the class it extends.
std::string objc_class_name(CXCursor container);
bool is_objc_container(CXCursorKind kind);

// A message's receiver object (`req` in `[req setURL:u]`); null for a message to a class
// (`[NSURL URLWithString:s]`) or to super.
CXCursor objc_receiver(CXCursor message);
// An array literal `@[a, b]` (its children are the elements), found through the conversions
// around it; null when `expr` is not one.
CXCursor objc_array_literal(CXCursor expr);

// An Objective-C object of an immutable class (`NSString *`, not `NSMutableString *`): a call it
// is handed to cannot change it.
bool is_immutable_object(CXType type);

// A message's arguments, in order (libclang's clang_Cursor_getArgument does not cover messages).
std::vector<CXCursor> message_arguments(CXCursor message);

// An Objective-C property set with dot syntax (`req.HTTPMethod = @"POST"`, a call of the setter):
// the object, the property's name and the value.
struct PropertyAssignment {
  CXCursor object;
  CXCursor declaration;  // the property, or the setter method used as one
  std::string property;
  CXCursor value;
  std::string setter;  // the setter's qualified name: "NSURLComponents::setPath:"
  // The setter's selector, `setPath:` (property_assignment sets it; setter ends with it).
  std::string selector() const { return setter.substr(setter.rfind("::") == std::string::npos ? 0 : setter.rfind("::") + 2); }
};
std::optional<PropertyAssignment> property_assignment(CXTranslationUnit tu, CXCursor expr);

}  // namespace scopelint::extract
