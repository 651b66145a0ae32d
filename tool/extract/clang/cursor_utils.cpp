// Read-only helpers over libclang cursors (see cursor_utils.h).
#include "extract/clang/cursor_utils.h"

#include <filesystem>

#include "extract/clang/ast_walker.h"
#include "extract/clang/clang_handles.h"
#include "extract/clang/macro_locations.h"
#include "extract/clang/objc_cursors.h"
#include "extract/models/library_models.h"

namespace scopelint::extract {
namespace {

bool is_reference_kind(CXCursorKind kind) {
  return kind == CXCursor_TypeRef || kind == CXCursor_TemplateRef || kind == CXCursor_NamespaceRef;
}

bool is_wrapper_kind(CXCursorKind kind) {
  switch (kind) {
    case CXCursor_UnexposedExpr:
    case CXCursor_ParenExpr:
    case CXCursor_CStyleCastExpr:
    case CXCursor_CXXStaticCastExpr:
    case CXCursor_CXXConstCastExpr:
    case CXCursor_CXXReinterpretCastExpr:
    case CXCursor_CXXFunctionalCastExpr:
    case CXCursor_ObjCBridgedCastExpr:
    case CXCursor_ObjCStringLiteral:
      return true;
    default:
      return false;
  }
}

bool is_char_kind(CXTypeKind kind) {
  return kind == CXType_Char_S || kind == CXType_Char_U || kind == CXType_SChar ||
         kind == CXType_UChar || kind == CXType_WChar || kind == CXType_Char16 ||
         kind == CXType_Char32;
}

}  // namespace

std::vector<CXCursor> children(CXCursor cursor) {
  std::vector<CXCursor> result;
  clang_visitChildren(
      cursor,
      [](CXCursor child, CXCursor, CXClientData data) {
        static_cast<std::vector<CXCursor>*>(data)->push_back(child);
        return CXChildVisit_Continue;
      },
      &result);
  return result;
}

bool is_null(CXCursor cursor) { return clang_Cursor_isNull(cursor) != 0; }

bool same_expression(CXCursor a, CXCursor b) {
  if (clang_equalCursors(a, b)) return true;
  return clang_getCursorKind(a) == clang_getCursorKind(b) &&
         clang_equalRanges(clang_getCursorExtent(a), clang_getCursorExtent(b));
}

std::string spelling(CXCursor cursor) { return to_string(clang_getCursorSpelling(cursor)); }

CXCursor strip_wrappers(CXCursor cursor) {
  for (int guard = 0; guard < 64 && is_wrapper_kind(clang_getCursorKind(cursor)); ++guard) {
    CXCursor only = clang_getNullCursor();
    int count = 0;
    for (CXCursor child : children(cursor)) {
      if (is_reference_kind(clang_getCursorKind(child))) continue;
      only = child;
      ++count;
    }
    if (count != 1) break;
    cursor = only;
  }
  return cursor;
}

bool is_call(CXCursorKind kind) { return kind == CXCursor_CallExpr || kind == CXCursor_ObjCMessageExpr; }

std::string qualified_name(CXCursor decl) {
  if (is_null(decl)) return "";
  std::string name = spelling(decl);
  // An Objective-C method or member: "NSString::stringByAppendingString:" (no namespaces).
  if (CXCursor owner = clang_getCursorSemanticParent(decl); is_objc_container(clang_getCursorKind(owner))) {
    const std::string owner_name = objc_class_name(owner);
    return owner_name.empty() ? name : owner_name + "::" + name;
  }
  for (CXCursor parent = clang_getCursorSemanticParent(decl); !is_null(parent);
       parent = clang_getCursorSemanticParent(parent)) {
    const CXCursorKind kind = clang_getCursorKind(parent);
    if (kind == CXCursor_TranslationUnit || clang_isInvalid(kind)) break;
    if (kind == CXCursor_Namespace) {
      if (clang_Cursor_isInlineNamespace(parent) || clang_Cursor_isAnonymous(parent)) continue;
    } else if (kind == CXCursor_EnumDecl) {
      if (!clang_EnumDecl_isScoped(parent)) continue;
    } else if (kind != CXCursor_ClassDecl && kind != CXCursor_StructDecl &&
               kind != CXCursor_ClassTemplate && kind != CXCursor_UnionDecl &&
               kind != CXCursor_ClassTemplatePartialSpecialization) {
      continue;  // functions, linkage specs
    }
    const std::string part = spelling(parent);
    if (part.empty()) continue;
    name = part + "::" + name;
  }
  return name;
}

CXCursor callee_of(CXCursor call) {
  CXCursor ref = clang_getCursorReferenced(call);
  if (is_null(ref) || clang_isInvalid(clang_getCursorKind(ref))) return clang_getNullCursor();
  if (clang_getCursorKind(ref) == CXCursor_OverloadedDeclRef) {
    if (clang_getNumOverloadedDecls(ref) == 0) return clang_getNullCursor();
    return clang_getOverloadedDecl(ref, 0);
  }
  return ref;
}

std::string callee_name(CXCursor call) {
  CXCursor callee = callee_of(call);
  if (!is_null(callee)) {
    // Methods of a class template instantiation name the template's class.
    CXCursor tmpl = clang_getSpecializedCursorTemplate(callee);
    return qualified_name(is_null(tmpl) ? callee : tmpl);
  }
  return spelling(call);
}

std::vector<CXCursor> call_arguments(CXCursor call) {
  if (clang_getCursorKind(call) == CXCursor_ObjCMessageExpr) return message_arguments(call);
  std::vector<CXCursor> args;
  const int n = clang_Cursor_getNumArguments(call);
  for (int i = 0; i < n; ++i) args.push_back(clang_Cursor_getArgument(call, static_cast<unsigned>(i)));
  return args;
}

std::vector<CXCursor> written_arguments(CXTranslationUnit tu, CXCursor call) {
  std::vector<CXCursor> args;
  for (CXCursor arg : call_arguments(call)) {
    CXToken* tokens = nullptr;
    unsigned count = 0;
    const CXSourceRange extent = clang_getCursorExtent(arg);
    clang_tokenize(tu, extent, &tokens, &count);
    if (tokens) clang_disposeTokens(tu, tokens, count);
    // A CXXDefaultArgExpr has no tokens of its own. Neither has an argument written in a macro
    // body: its extent runs from the macro definition to the expansion site, across files.
    if (count == 0 && !in_macro_expansion(tu, clang_getRangeStart(extent))) break;
    args.push_back(arg);
  }
  return args;
}

bool is_member_call(CXCursor call) {
  // A message to an object (`[req setURL:u]`, `[self path]`); not one to a class (`[NSURL URLWithString:s]`).
  if (clang_getCursorKind(call) == CXCursor_ObjCMessageExpr) return !is_null(objc_receiver(call));
  // A constructor's first argument may be a member (`std::string h = ep.host`): not its object.
  if (clang_getCursorKind(clang_getCursorReferenced(call)) == CXCursor_Constructor) return false;
  for (CXCursor child : children(call)) {
    CXCursor inner = strip_wrappers(child);
    return clang_getCursorKind(inner) == CXCursor_MemberRefExpr;
  }
  return false;
}

CXCursor member_call_object(CXCursor call) {
  if (!is_member_call(call)) return clang_getNullCursor();  // so it has a first child, a member
  if (clang_getCursorKind(call) == CXCursor_ObjCMessageExpr) return strip_wrappers(objc_receiver(call));
  CXCursor member = strip_wrappers(children(call).front());
  for (CXCursor object : children(member)) {
    if (!is_reference_kind(clang_getCursorKind(object))) return strip_wrappers(object);
  }
  return clang_getNullCursor();
}

std::vector<std::string> type_names(CXType type) {
  std::vector<std::string> names;
  for (int guard = 0; guard < 16; ++guard) {
    const CXTypeKind kind = type.kind;
    if (kind == CXType_LValueReference || kind == CXType_RValueReference ||
        kind == CXType_Pointer || kind == CXType_ObjCObjectPointer) {
      type = clang_getPointeeType(type);
    } else if (kind == CXType_Elaborated) {
      type = clang_Type_getNamedType(type);
    } else if (kind == CXType_Typedef) {
      CXCursor decl = clang_getTypeDeclaration(type);
      names.push_back(qualified_name(decl));
      type = clang_getTypedefDeclUnderlyingType(decl);
    } else {
      break;
    }
  }
  CXType canonical = clang_getCanonicalType(type);
  while (canonical.kind == CXType_Pointer || canonical.kind == CXType_LValueReference ||
         canonical.kind == CXType_ObjCObjectPointer) {
    canonical = clang_getCanonicalType(clang_getPointeeType(canonical));
  }
  CXCursor decl = clang_getTypeDeclaration(canonical);
  if (!is_null(decl) && !clang_isInvalid(clang_getCursorKind(decl))) {
    CXCursor tmpl = clang_getSpecializedCursorTemplate(decl);
    names.push_back(qualified_name(is_null(tmpl) ? decl : tmpl));
  }
  return names;
}

bool type_is_one_of(CXType type, const std::vector<std::string>& names) {
  for (const auto& name : type_names(type)) {
    for (const auto& wanted : names) {
      if (name == wanted) return true;
    }
  }
  return false;
}

bool is_stringish_type(CXType type) {
  CXType canonical = clang_getCanonicalType(type);
  if (canonical.kind == CXType_LValueReference || canonical.kind == CXType_RValueReference) {
    canonical = clang_getCanonicalType(clang_getPointeeType(canonical));
  }
  if (canonical.kind == CXType_Pointer) {
    return is_char_kind(clang_getCanonicalType(clang_getPointeeType(canonical)).kind);
  }
  if (canonical.kind == CXType_ConstantArray || canonical.kind == CXType_IncompleteArray) {
    return is_char_kind(clang_getCanonicalType(clang_getArrayElementType(canonical)).kind);
  }
  // The standard's string types, and each library model's own ("string_types").
  static const std::vector<std::string> kStringTypes = [] {
    std::vector<std::string> types = {"std::basic_string", "std::basic_string_view"};
    for (const auto& library : builtin_library_models().libraries) {
      types.insert(types.end(), library.string_types.begin(), library.string_types.end());
    }
    return types;
  }();
  return type_is_one_of(type, kStringTypes);
}

CXCursor referenced_variable(CXCursor expr) {
  expr = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (kind == CXCursor_VarDecl || kind == CXCursor_ParmDecl || kind == CXCursor_FieldDecl) return expr;
  if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr) {
    CXCursor ref = clang_getCursorReferenced(expr);
    const CXCursorKind ref_kind = clang_getCursorKind(ref);
    if (ref_kind == CXCursor_VarDecl || ref_kind == CXCursor_ParmDecl ||
        ref_kind == CXCursor_FieldDecl || ref_kind == CXCursor_ObjCIvarDecl) {
      return ref;
    }
  }
  if (kind == CXCursor_CallExpr && spelling(expr) == "get" &&
      clang_Cursor_getNumArguments(expr) == 0) {  // unique_ptr<CURL, ...>::get()
    CXCursor object = member_call_object(expr);
    if (!is_null(object)) return referenced_variable(object);
  }
  if (kind == CXCursor_UnaryOperator) {  // &buf, *ptr
    auto kids = children(expr);
    if (kids.size() == 1) return referenced_variable(kids.front());
  }
  return clang_getNullCursor();
}

std::string declaration_key(CXCursor decl) {
  std::string usr = to_string(clang_getCursorUSR(decl));
  const FileLocation loc = cursor_location(decl);
  return usr + "@" + loc.path + ":" + std::to_string(loc.offset);
}

bool refers_to_variable(CXCursor expr, CXCursor var) {
  CXCursor ref = referenced_variable(expr);
  return !is_null(ref) && !is_null(var) && declaration_key(ref) == declaration_key(var);
}

bool is_null_pointer_argument(CXCursor expr) {
  const CXTypeKind kind = clang_getCanonicalType(clang_getCursorType(expr)).kind;
  return (kind == CXType_Pointer || kind == CXType_NullPtr) && is_null_pointer_constant(expr);
}

bool is_null_pointer_constant(CXCursor expr) {
  const bool pointer = clang_getCanonicalType(clang_getCursorType(expr)).kind == CXType_Pointer;
  expr = strip_wrappers(expr);
  const CXCursorKind kind = clang_getCursorKind(expr);
  if (kind == CXCursor_CXXNullPtrLiteralExpr || kind == CXCursor_GNUNullExpr) return true;
  // C's NULL is `((void *)0)`: the literal 0 made a pointer.
  if (pointer && kind == CXCursor_IntegerLiteral) {
    CXEvalResult result = clang_Cursor_Evaluate(expr);
    const bool zero =
        result && clang_EvalResult_getKind(result) == CXEval_Int && clang_EvalResult_getAsLongLong(result) == 0;
    if (result) clang_EvalResult_dispose(result);
    if (zero) return true;
  }
  const auto tokens = token_spellings(clang_Cursor_getTranslationUnit(expr), expr);
  return tokens.size() == 1 && (tokens[0] == "NULL" || tokens[0] == "nullptr" || tokens[0] == "0");
}

bool is_read_only_parameter(CXType type) {
  const CXType canonical = clang_getCanonicalType(type);
  if (canonical.kind == CXType_LValueReference || canonical.kind == CXType_RValueReference) {
    return clang_isConstQualifiedType(clang_getPointeeType(canonical)) != 0;
  }
  return canonical.kind != CXType_Pointer && canonical.kind != CXType_Invalid;
}

bool passes_read_only(CXCursor call, CXCursor var) {
  const CXCursor callee = callee_of(call);
  const bool call_operator = spelling(call) == "operator()";  // a lambda's: its object comes first
  if (is_null(callee) || (!call_operator && spelling(call).rfind("operator", 0) == 0)) return false;
  const int params = clang_Cursor_getNumArguments(callee);
  const auto args = call_arguments(call);
  const size_t first = call_operator && params >= 0 && args.size() == static_cast<size_t>(params) + 1 ? 1 : 0;
  for (size_t i = first; i < args.size(); ++i) {
    if (!refers_to_variable(args[i], var)) continue;
    if (is_immutable_object(clang_getCursorType(args[i]))) continue;  // NSLog(@"%@", path)
    if (params < 0 || static_cast<int>(i - first) >= params) return false;  // variadic, or not known
    const CXCursor parameter = clang_Cursor_getArgument(callee, static_cast<unsigned>(i - first));
    if (!is_read_only_parameter(clang_getCursorType(parameter))) return false;
  }
  return true;
}

std::string function_key(CXCursor function) {
  std::string usr = to_string(clang_getCursorUSR(function));
  if (spelling(function) != "operator()") return usr;
  // A lambda's class has no name ("" or "(lambda at ...)"); a named functor keeps its USR, which
  // every unit spells the same.
  const std::string owner = spelling(clang_getCursorSemanticParent(function));
  if (!owner.empty() && owner.front() != '(') return usr;
  const FileLocation loc = cursor_location(function);
  return usr + "@" + loc.path + ":" + std::to_string(loc.offset);
}

namespace {

using LocationGetter = void (*)(CXSourceLocation, CXFile*, unsigned*, unsigned*, unsigned*);

FileLocation located_by(CXSourceLocation location, LocationGetter get) {
  FileLocation result;
  get(location, &result.file, &result.line, &result.column, &result.offset);
  if (result.file) {
    result.path = std::filesystem::path(to_string(clang_getFileName(result.file)))
                      .lexically_normal()
                      .string();
  }
  return result;
}

}  // namespace

FileLocation file_location(CXSourceLocation location) {
  return located_by(location, clang_getExpansionLocation);
}

FileLocation file_level_location(CXSourceLocation location) {
  return located_by(location, clang_getFileLocation);
}

FileLocation cursor_location(CXCursor cursor) {
  return file_location(clang_getCursorLocation(cursor));
}

SourceLocation to_source_location(const FileLocation& location) {
  return SourceLocation{location.path, location.line, location.column};
}

bool is_local_variable(CXCursor var) {
  for (CXCursor parent = clang_getCursorSemanticParent(var); !is_null(parent);
       parent = clang_getCursorSemanticParent(parent)) {
    const CXCursorKind kind = clang_getCursorKind(parent);
    if (is_function_like(kind) || kind == CXCursor_LambdaExpr) return true;
    if (kind == CXCursor_TranslationUnit || clang_isInvalid(kind)) break;
  }
  return false;
}

}  // namespace scopelint::extract
