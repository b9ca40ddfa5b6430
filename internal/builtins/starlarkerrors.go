package builtins

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// go.starlark.net's runtime errors as Python's exceptions. go.starlark.net
// makes them with fmt.Errorf and gives no kind, so the narrowest stable
// signal is the form of the message: each row of starlarkErrors matches one
// form and gives the Python type and CPython's text for the same case.
// The conformance suite's exceptions/runtime_messages runs each case
// against its CPython twin, and TestStarlarkErrors the cases whose text
// is asyncrun's own, so that an upgrade of go.starlark.net that changes a
// message fails a test instead of changing a type.
//
// Choices where Python has no exact counterpart: changing a list or dict
// while a loop iterates over it, and changing a frozen value, are
// RuntimeError (Python's for a dict changed during iteration); "/" and
// "//" by zero say the int operands' text, as the message does not tell
// ints from floats.

// starlarkErrorForm is one form of go.starlark.net's messages.
type starlarkErrorForm struct {
	re  *regexp.Regexp
	typ *exceptionType
	// args returns the exception's args from the submatches; nil means the
	// message as it is.
	args func(m []string) starlark.Tuple
}

// text returns args of one string, formatted from the submatches.
func text(format string, groups ...int) func(m []string) starlark.Tuple {
	return func(m []string) starlark.Tuple {
		vals := make([]any, len(groups))
		for i, g := range groups {
			vals[i] = m[g]
		}
		return starlark.Tuple{starlark.String(fmt.Sprintf(format, vals...))}
	}
}

// pyType maps a Starlark type name in a message to Python's.
func pyType(name string) string {
	switch name {
	case "string":
		return "str"
	case "builtin_function_or_method", "function":
		return name
	}
	return name
}

// typed is text with the submatches that are type names in Python's names.
func typed(format string, groups ...int) func(m []string) starlark.Tuple {
	f := text(format, groups...)
	return func(m []string) starlark.Tuple {
		m = append([]string(nil), m...)
		for _, g := range groups {
			m[g] = pyType(m[g])
		}
		return f(m)
	}
}

// keyArgs makes a KeyError's args: the key, read back from its Starlark
// repr in the message when it is a literal (a string, a number, a tuple,
// None, a bool), else the repr itself.
func keyArgs(m []string) starlark.Tuple {
	v, err := starlark.Eval(&starlark.Thread{Name: "key"}, "key", m[1], nil)
	if err != nil {
		return starlark.Tuple{starlark.String(m[1])}
	}
	return starlark.Tuple{v}
}

var starlarkErrors = sync.OnceValue(func() []starlarkErrorForm {
	return []starlarkErrorForm{
		{regexp.MustCompile(`^key (.*) not in dict$`), exc[pyexc.KeyError], keyArgs},
		{regexp.MustCompile(`^(list|string|tuple) index -?\d+ out of range`), exc[pyexc.IndexError], text("%s index out of range", 1)},
		{regexp.MustCompile(`^range index -?\d+ out of range`), exc[pyexc.IndexError], text("range object index out of range")},
		{regexp.MustCompile(`^index -?\d+ out of range: empty (list|string|tuple)$`), exc[pyexc.IndexError], text("%s index out of range", 1)},
		{regexp.MustCompile(`^pop: index -?\d+ out of range: empty list$`), exc[pyexc.IndexError], text("pop from empty list")},
		{regexp.MustCompile(`^pop: (list )?index -?\d+ out of range`), exc[pyexc.IndexError], text("pop index out of range")},
		{regexp.MustCompile(`^pop: missing key$`), exc[pyexc.KeyError], nil},
		{regexp.MustCompile(`^popitem: empty dict$`), exc[pyexc.KeyError], text("popitem(): dictionary is empty")},
		{regexp.MustCompile(`^(\S+) has no \.(\w+) (field or method|attribute)`), exc[pyexc.AttributeError], typed("'%s' object has no attribute '%s'", 1, 2)},
		{regexp.MustCompile(`^unknown binary op: (\S+) (\S+) (\S+)$`), exc[pyexc.TypeError], func(m []string) starlark.Tuple {
			if m[2] == "+" && (m[1] == "list" || m[1] == "string" || m[1] == "tuple") {
				// CPython's sequences word their + apart.
				return starlark.Tuple{starlark.String(fmt.Sprintf("can only concatenate %s (not \"%s\") to %s", pyType(m[1]), pyType(m[3]), pyType(m[1])))}
			}
			return text("unsupported operand type(s) for %s: '%s' and '%s'", 2, 1, 3)([]string{m[0], pyType(m[1]), m[2], pyType(m[3])})
		}},
		{regexp.MustCompile(`^unknown unary op: (\S+) (\S+)$`), exc[pyexc.TypeError], typed("bad operand type for unary %s: '%s'", 1, 2)},
		{regexp.MustCompile(`^(?:\w+: )?(\S+) (<|<=|>|>=) (\S+) not implemented$`), exc[pyexc.TypeError], func(m []string) starlark.Tuple {
			return text("'%s' not supported between instances of '%s' and '%s'", 2, 1, 3)([]string{m[0], pyType(m[1]), m[2], pyType(m[3])})
		}},
		{regexp.MustCompile(`^int: invalid literal with base (\d+): (.*)$`), exc[pyexc.ValueError], func(m []string) starlark.Tuple {
			return text("invalid literal for int() with base %s: %s", 1, 2)([]string{m[0], m[1], pyQuote(m[2])})
		}},
		{regexp.MustCompile(`^float: empty string$`), exc[pyexc.ValueError], text("could not convert string to float: ''")},
		{regexp.MustCompile(`^invalid float literal: (.*)$`), exc[pyexc.ValueError], func(m []string) starlark.Tuple {
			return starlark.Tuple{starlark.String("could not convert string to float: " + pyQuote(m[1]))}
		}},
		{regexp.MustCompile(`^too many values to unpack \(got \d+, want (\d+)\)$`), exc[pyexc.ValueError], text("too many values to unpack (expected %s)", 1)},
		{regexp.MustCompile(`^too few values to unpack \(got (\d+), want (\d+)\)$`), exc[pyexc.ValueError], text("not enough values to unpack (expected %s, got %s)", 2, 1)},
		{regexp.MustCompile(`^len: value of type (\S+) has no len$`), exc[pyexc.TypeError], typed("object of type '%s' has no len()", 1)},
		{regexp.MustCompile(`^invalid call of non-function \((\S+)\)$`), exc[pyexc.TypeError], typed("'%s' object is not callable", 1)},
		{regexp.MustCompile(`^function (\S+) accepts (no|\d+) positional arguments? \((\d+) given\)$`), exc[pyexc.TypeError], func(m []string) starlark.Tuple {
			n := m[2]
			if n == "no" {
				n = "0"
			}
			plural := "s"
			if n == "1" {
				plural = ""
			}
			were := "were"
			if m[3] == "1" {
				were = "was"
			}
			return starlark.Tuple{starlark.String(fmt.Sprintf("%s() takes %s positional argument%s but %s %s given", m[1], n, plural, m[3], were))}
		}},
		{regexp.MustCompile(`^function (\S+) accepts no arguments \((\d+) given\)$`), exc[pyexc.TypeError], func(m []string) starlark.Tuple {
			were := "were"
			if m[2] == "1" {
				were = "was"
			}
			return starlark.Tuple{starlark.String(fmt.Sprintf("%s() takes 0 positional arguments but %s %s given", m[1], m[2], were))}
		}},
		{regexp.MustCompile(`^function (\S+) got an unexpected keyword argument "(\w+)"`), exc[pyexc.TypeError], text("%s() got an unexpected keyword argument '%s'", 1, 2)},
		{regexp.MustCompile(`^function (\S+) missing (\d+) arguments? \((.*)\)$`), exc[pyexc.TypeError], func(m []string) starlark.Tuple {
			names := strings.Split(m[3], ", ")
			for i, n := range names {
				names[i] = "'" + n + "'"
			}
			plural := "s"
			if len(names) == 1 {
				plural = ""
			}
			list := strings.Join(names, ", ")
			if len(names) > 1 {
				list = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
			}
			return starlark.Tuple{starlark.String(fmt.Sprintf("%s() missing %d required positional argument%s: %s", m[1], len(names), plural, list))}
		}},
		{regexp.MustCompile(`^function (\S+) got multiple values for parameter "(\w+)"$`), exc[pyexc.TypeError], text("%s() got multiple values for argument '%s'", 1, 2)},
		{regexp.MustCompile(`^index: value not in list$`), exc[pyexc.ValueError], text("list.index(x): x not in list")},
		{regexp.MustCompile(`^remove: element not found$`), exc[pyexc.ValueError], text("list.remove(x): x not in list")},
		{regexp.MustCompile(`^(r?index): substring not found$`), exc[pyexc.ValueError], text("substring not found")},
		{regexp.MustCompile(`^Starlark stack overflow$`), exc[pyexc.RecursionError], text("maximum recursion depth exceeded")},
		{regexp.MustCompile(`^unhashable type: (\S+)$`), exc[pyexc.TypeError], typed("unhashable type: '%s'", 1)},
		{regexp.MustCompile(`^floored division by zero$`), exc[pyexc.ZeroDivisionError], text("integer division or modulo by zero")},
		{regexp.MustCompile(`^floating-point division by zero$`), exc[pyexc.ZeroDivisionError], text("division by zero")},
		{regexp.MustCompile(`^integer modulo by zero$`), exc[pyexc.ZeroDivisionError], nil},
		{regexp.MustCompile(`^floating-point modulo by zero$`), exc[pyexc.ZeroDivisionError], text("float modulo")},
		{regexp.MustCompile(`during iteration$|(^|: )cannot [\w ]+ frozen`), exc[pyexc.RuntimeError], nil},
		// Starlark's % takes no flags, width or precision ("%.1f", "%5d",
		// "%03d" work in Python): the message names the first character after
		// the %, and the hint gives the spelling that works (see percentHint).
		{regexp.MustCompile(`^unknown conversion %([-+ #0-9.*])$`), exc[pyexc.ValueError], percentHint},
		// The argument errors of builtins (starlark.UnpackArgs and friends).
		{regexp.MustCompile(`: missing argument for \w+$|: unexpected keyword argument|: got \d+ arguments?, want|positional arguments? \(\d+ given\)|: takes (no|exactly|at most|at least) |: got multiple values for|: for parameter |: got \S+, want |: got \S+ for \S+, want |format requires`), exc[pyexc.TypeError], nil},
	}
})

// starlarkError returns the Python type and args of an error of
// go.starlark.net (the error a builtin or an operator returned, below the
// EvalError); an error of no known form is an Exception with its message.
func starlarkError(err error) (*exceptionType, starlark.Tuple) {
	msg := err.Error()
	for _, f := range starlarkErrors() {
		if m := f.re.FindStringSubmatch(msg); m != nil {
			if f.args == nil {
				return f.typ, msgArgs(msg)
			}
			return f.typ, f.args(m)
		}
	}
	return exc[pyexc.Exception], msgArgs(msg)
}
