// The program model: the project's own code as plain data, the one input of the value analysis.
//
// The front end lowers each translation unit into a UnitProgram: every function, lambda, global
// constant and class field defined in a project file (third-party and system headers stay out), with
// statements and expressions reduced to what the analysis reasons about. It is lowered from the AST,
// or from tokens where a missing header made the AST lose code (degraded units), into the same
// shapes: the analysis never knows which. Units are joined by declaration keys (USRs), so functions,
// constants and fields defined in one unit are seen from every other; the fact cache and the worker
// processes carry UnitPrograms (program_codec.h).
//
// Nothing here depends on libclang. Expressions and statements live in per-function arenas and refer
// to each other by index (-1: none).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/source_location.h"

namespace scopelint::program {

using Index = int32_t;  // into the owning arena; -1 for none
inline constexpr Index kNone = -1;

// What a name refers to.
struct DeclRef {
  enum class Kind : uint8_t {
    None,
    Local,         // a variable declared in a function body (or a lambda's)
    Parameter,     // `index` is its position in `function`'s parameter list
    Global,        // a namespace-scope or static variable, a static data member
    Field,         // a non-static data member; `record` is its class
    EnumConstant,  // `integer` on the Expr holds its value
    Function,      // a function named without calling it (a callback)
    Other,
  };
  Kind kind = Kind::None;
  std::string key;  // USR; for locals and parameters a key unique in the program (USR or file:offset)
  std::string name;  // as declared: "kScope", "base_"
  std::string qualified_name;  // "elation::kScope", "Client::base_", "Method::Post"
  std::string function;  // Parameter: key of its function
  int index = -1;  // Parameter: 0-based position
  std::string record;  // Field: qualified name of its class
};

// The function a call invokes, as far as the front end could tell.
struct Callee {
  enum class Kind : uint8_t {
    Unknown,      // unresolved (a dependent call in a template, a callee from a missing header)
    Function,     // a free function or a static method
    Method,       // a non-static member function: Expr::receiver is the object
    Constructor,  // Construct expressions only
    Conversion,   // operator std::string(), operator QString()
    Operator,     // an overloaded operator (Binary/Assign/Unary keep the operator in Expr::text)
    // [receiver selector:args]; `name` is the selector ("setHTTPMethod:"). Property syntax is
    // lowered to the message it sends: `req.HTTPMethod = x` is [req setHTTPMethod:x].
    ObjCMessage,
    // Calling what a variable holds: a lambda, a std::function, a block, a function pointer;
    // Expr::receiver is that variable (operator() on a closure or std::function is lowered to this).
    Block,
  };
  Kind kind = Kind::Unknown;
  std::string key;  // USR of the declaration ("" when unknown); for templates, of the template
  std::string name;  // written name: "Post", "curl_easy_setopt", "setHTTPMethod:"
  std::string qualified_name;  // "httplib::Client::Post", "curl_easy_setopt", "std::to_string"
  std::string record;  // methods and constructors: qualified name of the class (templates: the template)
  bool returns_reference = false;  // a method returning *this (`b.append_path(x).append_query(..)`)
};

struct Expr {
  enum class Kind : uint8_t {
    Unknown,        // not modelled; `children` are still the sub-expressions, in source order
    StringLiteral,  // `text` is the decoded value (adjacent literals and macros already joined)
    Integer,        // `integer`: a literal, an evaluated constant expression, an enum constant
    Boolean,        // `integer`: 0 or 1
    NullPointer,    // nullptr, NULL, 0 used as a pointer
    Reference,      // `decl` names a variable, parameter, constant or function
    Member,         // field access: children[0] the object (kNone for implicit this), `decl` the field
    Call,           // `callee`; `receiver` for methods and message sends; `args`
    Construct,      // an object of `types` built from `args`: T(x), T{x}, T x(y), new T(x) (with New)
    InitList,       // { children... } (aggregate, std::vector/array initializer lists, map pairs)
    Binary,         // `text` the operator ("+", "<<", "==", "!=", "&&", "||", "<", ...); children[0..1]
    Assign,         // `text` "=", "+=", "<<=", ...; children[0] the target, children[1] the value
    Unary,          // `text` "!", "-", "*", "&", "++", "--"; children[0]
    Conditional,    // children: condition, value if true, value if false
    Subscript,      // children: base, index
    Lambda,         // `function_key` names the lambda's Function (lowered beside the others); `captures`
    New,            // new T(...): children[0] the Construct
    This,
  };
  Kind kind = Kind::Unknown;
  SourceLocation location;  // where a finding about it is reported (expansion location, as clang)
  // Where a NOLINT also suppresses findings about it when it comes from a macro: the spelling of
  // the call or literal inside the macro definition or argument, then each expansion site,
  // innermost first (model/facts.h HttpCall::macro_chain). Empty outside macros.
  std::vector<SourceLocation> macro_chain;
  // Names the expression's type is known by, as cursor_utils' type_names gives them: typedef and
  // alias names first, then the declaration's qualified name without template arguments, after
  // stripping references, pointers and qualifiers ("QNetworkRequest", "std::basic_string"). For a
  // std::unique_ptr/shared_ptr (and a make_unique/make_shared result) the pointee's names follow.
  std::vector<std::string> types;
  bool is_string_type = false;  // char arrays/pointers and the string types of the library models
  std::string text;
  int64_t integer = 0;
  DeclRef decl;
  Callee callee;
  Index receiver = kNone;  // Call: the object of a method call or message send
  // Call and Construct: the arguments written at the call. Default arguments are not repeated here:
  // a project callee's come from its Function's parameters, and a library callee's do not matter.
  std::vector<Index> args;
  std::vector<Index> children;  // sub-expressions for the other kinds (see each kind)
  std::string function_key;  // Lambda: Function::key of its body
  struct Capture {
    std::string key;  // the captured variable's DeclRef key
    bool by_reference = false;
  };
  std::vector<Capture> captures;  // Lambda; `[=]`/`[&]` are expanded to the variables used
  // StringLiteral: where one literal token (or QStringLiteral("...")) spells the whole value, in a
  // file: the range a fix-it edits. Absent for values joined from several literals.
  std::optional<SourceRange> literal;
};

struct Variable {
  std::string key;  // DeclRef::key
  std::string name;
  std::string qualified_name;
  std::vector<std::string> types;  // as Expr::types
  bool is_string_type = false;
  bool is_reference = false;  // T& / T&& / a pointer to one object the code sets through
  bool is_const = false;
  SourceLocation location;
  std::vector<SourceLocation> macro_chain;
};

struct Stmt {
  enum class Kind : uint8_t {
    Unknown,     // not modelled; `body` holds any statements below it, run in order
    Compound,    // `body` in order
    Expr,        // `expr`
    Decl,        // `variable` declared with initializer `expr` (kNone: default-initialised)
    Return,      // `expr` (kNone: no value)
    If,          // `expr` the condition; body[0] then, body[1] else (absent: no else)
    Switch,      // `expr` the condition; `body` its statements, Case/Default marking entry points
    Case,        // `values`: the labels of this case (several for `case A: case B:`); `body` follows
    Default,     // `body` follows
    Loop,        // while/for/do: `expr` the condition (kNone: none); `body` runs any number of times
    RangeFor,    // for (`variable` : `expr`) body[0]
    Break,
    Continue,
    MemberInit,  // a constructor's member initializer: `field` (DeclRef of the field) = `expr`
    Try,         // body[0] the try block; body[1..] the handlers (each may run instead of the rest)
  };
  Kind kind = Kind::Unknown;
  SourceLocation location;
  unsigned begin_offset = 0, end_offset = 0;  // byte range in location.file (degraded units merge by it)
  Index expr = kNone;
  std::vector<Index> body;  // statements
  Variable variable;  // Decl, RangeFor
  DeclRef field;  // MemberInit
  std::vector<Index> values;  // Case: label expressions (Integer, StringLiteral, Reference to an enumerator)
};

struct Parameter {
  Variable variable;
  // In the function's expression arena; taken from whichever declaration has it (defaults are
  // usually written on the declaration in a header, not on the definition).
  Index default_value = kNone;
};

struct Function {
  enum class Kind : uint8_t { Free, Method, Constructor, Lambda, ObjCMethod };
  Kind kind = Kind::Free;
  std::string key;  // USR (the template's for a template); lambdas: "lambda:" + file:offset
  std::string name;
  std::string qualified_name;  // "ElationClient::get", "(lambda at src/a.cpp:12:7)"
  std::string record;  // methods and constructors: qualified name of the class
  bool is_template = false;  // lowered from the pattern: dependent calls have Callee::Unknown
  bool is_virtual = false;
  std::vector<Parameter> parameters;
  SourceLocation location;
  Index body = kNone;  // a Compound statement in `stmts`
  std::vector<Stmt> stmts;
  std::vector<Expr> exprs;
};

// A class's data member with its default member initializer (`std::string base_ = "..."`).
struct Field {
  std::string key;
  std::string name;
  std::string record;
  std::vector<std::string> types;
  bool is_string_type = false;
  Index init = kNone;  // in `exprs`
  std::vector<Expr> exprs;
};

// A namespace-scope or static variable (constants, tables of paths) with its initializer.
struct Global {
  Variable variable;
  Index init = kNone;  // in `exprs`
  std::vector<Expr> exprs;
};

// One translation unit's part of the program.
struct UnitProgram {
  std::string main_file;  // as the scan names it
  std::vector<Function> functions;
  std::vector<Global> globals;
  std::vector<Field> fields;
  bool degraded = false;  // some code was lowered from tokens (a missing header)
};

}  // namespace scopelint::program
