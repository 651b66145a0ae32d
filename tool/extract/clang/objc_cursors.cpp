// Objective-C cursors read as the rest of extract/ reads C++ ones (see objc_cursors.h).
#include "extract/clang/objc_cursors.h"

#include <cctype>

#include "extract/clang/cursor_utils.h"

namespace scopelint::extract {

// The class an Objective-C container declares methods of: an interface or implementation is
// named as its class, a category (`@interface NSString (Paths)`) by the class it extends.
std::string objc_class_name(CXCursor container) {
  const CXCursorKind kind = clang_getCursorKind(container);
  if (kind == CXCursor_ObjCCategoryDecl || kind == CXCursor_ObjCCategoryImplDecl) {
    for (CXCursor child : children(container)) {
      if (clang_getCursorKind(child) == CXCursor_ObjCClassRef) return spelling(child);
    }
    return "";
  }
  return spelling(container);
}

bool is_objc_container(CXCursorKind kind) {
  return kind == CXCursor_ObjCInterfaceDecl || kind == CXCursor_ObjCImplementationDecl ||
         kind == CXCursor_ObjCCategoryDecl || kind == CXCursor_ObjCCategoryImplDecl ||
         kind == CXCursor_ObjCProtocolDecl;
}

CXCursor objc_receiver(CXCursor message) {
  const auto kids = children(message);
  if (kids.empty() || clang_getCursorKind(kids.front()) == CXCursor_ObjCClassRef) return clang_getNullCursor();
  // `[super init...]` has no receiver child: its first child is an argument. The receiver is
  // written right after the '['.
  const auto tokens = token_spellings(clang_Cursor_getTranslationUnit(message), message);
  return tokens.size() >= 2 && tokens[1] == "super" ? clang_getNullCursor() : kids.front();
}

CXCursor objc_array_literal(CXCursor expr) {
  // libclang leaves the literal unexposed: an object-typed expression written "@[".
  for (int guard = 0; guard < 8 && clang_getCursorKind(expr) == CXCursor_UnexposedExpr; ++guard) {
    if (clang_getCursorType(expr).kind == CXType_ObjCObjectPointer) {
      const auto tokens = token_spellings(clang_Cursor_getTranslationUnit(expr), expr);
      if (tokens.size() >= 2 && tokens[0] == "@" && tokens[1] == "[") {
        // A conversion around it (`NSArray<NSString *> *s = @[...]`) has the same extent: the
        // literal is the innermost, whose children are the elements.
        for (auto kids = children(expr); kids.size() == 1 && clang_getCursorKind(kids[0]) == CXCursor_UnexposedExpr &&
                                         clang_equalRanges(clang_getCursorExtent(kids[0]), clang_getCursorExtent(expr));
             kids = children(expr)) {
          expr = kids[0];
        }
        return expr;
      }
    }
    const auto kids = children(expr);
    if (kids.size() != 1) break;
    expr = kids.front();
  }
  return clang_getNullCursor();
}

bool is_immutable_object(CXType type) {
  if (clang_getCanonicalType(type).kind != CXType_ObjCObjectPointer) return false;
  const CXCursor declaration = clang_getTypeDeclaration(clang_getPointeeType(clang_getCanonicalType(type)));
  const std::string name = spelling(declaration);
  return !name.empty() && name.find("Mutable") == std::string::npos;
}

std::vector<CXCursor> message_arguments(CXCursor message) {
  // libclang counts no arguments of a message: they are its children after the receiver.
  std::vector<CXCursor> kids = children(message);
  if (!kids.empty() && (!is_null(objc_receiver(message)) || clang_getCursorKind(kids.front()) == CXCursor_ObjCClassRef)) {
    kids.erase(kids.begin());
  }
  return kids;
}

std::optional<PropertyAssignment> property_assignment(CXTranslationUnit tu, CXCursor expr) {
  if (clang_getCursorKind(expr) != CXCursor_BinaryOperator) return std::nullopt;
  const auto kids = children(expr);
  if (kids.size() != 2) return std::nullopt;
  const CXCursor target = strip_wrappers(kids[0]);
  if (clang_getCursorKind(target) != CXCursor_MemberRefExpr) return std::nullopt;
  // A declared property (`@property NSString *HTTPMethod`), or a setter method used as one
  // (GNUstep declares `- (void)setHTTPMethod:(NSString *)m` only).
  const CXCursor referenced = clang_getCursorReferenced(target);
  const CXCursorKind kind = clang_getCursorKind(referenced);
  if ((kind != CXCursor_ObjCPropertyDecl && kind != CXCursor_ObjCInstanceMethodDecl) ||
      binary_operator_token(tu, expr) != "=") {
    return std::nullopt;
  }
  PropertyAssignment out{clang_getNullCursor(), referenced, "", kids[1], ""};
  const std::string name = spelling(referenced);
  const std::string qualified = qualified_name(referenced);
  const std::string owner = qualified.substr(0, qualified.size() - name.size());
  if (kind == CXCursor_ObjCPropertyDecl) {
    if (name.empty()) return std::nullopt;
    out.property = name;
    out.setter = owner + "set" + std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])))) +
                 name.substr(1) + ":";
  } else {
    if (name.size() < 5 || name.rfind("set", 0) != 0 || name.back() != ':') return std::nullopt;
    out.property = name.substr(3, name.size() - 4);  // "HTTPMethod"; a lower-case property is "Path" here
    out.setter = owner + name;
  }
  for (CXCursor object : children(target)) {
    if (clang_isExpression(clang_getCursorKind(object))) {
      out.object = strip_wrappers(object);
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace scopelint::extract
