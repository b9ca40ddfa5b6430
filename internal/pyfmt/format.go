package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// Format returns format(v, spec) as CPython 3.11 computes it, for an int
// (of any size), float, string or bool (an int, except that the empty
// spec gives True and False). For any other value the empty spec gives
// Str(v) and another spec is a TypeError, as for a Python object without
// __format__. An error is an *Error.
func Format(v starlark.Value, spec string) (string, error) {
	if spec == "" {
		return Str(v), nil
	}
	switch v := v.(type) {
	case starlark.Bool:
		i := 0
		if v {
			i = 1
		}
		return formatInt(starlark.MakeInt(i), spec, "bool")
	case starlark.Int:
		return formatInt(v, spec, "int")
	case starlark.Float:
		return formatFloat(float64(v), spec, "float")
	case starlark.String:
		return formatString(string(v), spec)
	}
	return "", &Error{Kind: pyexc.TypeError, Msg: fmt.Sprintf("unsupported format string passed to %s.__format__", TypeName(v))}
}

// TypeName returns Python's name of v's type: NoneType, str, int, ...; for
// a value Python lacks, Starlark's type name.
func TypeName(v starlark.Value) string {
	switch v.(type) {
	case starlark.NoneType:
		return "NoneType"
	case starlark.String:
		return "str"
	case *starlark.Function:
		return "function"
	case *starlark.Builtin:
		return "builtin_function_or_method"
	}
	return v.Type()
}

func formatString(s, specText string) (string, error) {
	sp, err := parseSpec(specText, "str", 's', '<')
	if err != nil {
		return "", err
	}
	if sp.typ != 's' {
		return "", unknownCode(rune(sp.typ), "str")
	}
	switch {
	case sp.sign == ' ':
		return "", valueError("Space not allowed in string format specifier")
	case sp.sign != 0:
		return "", valueError("Sign not allowed in string format specifier")
	case sp.noNegZero:
		return "", valueError("Negative zero coercion (z) not allowed in string format specifier")
	case sp.alternate:
		return "", valueError("Alternate form (#) not allowed in string format specifier")
	case sp.align == '=':
		return "", valueError("'=' alignment not allowed in string format specifier")
	}
	if sp.precision >= 0 && utf8.RuneCountInString(s) > sp.precision {
		s = string([]rune(s)[:sp.precision])
	}
	return sp.pad("", s, '<'), nil
}

func formatInt(i starlark.Int, specText, typeName string) (string, error) {
	sp, err := parseSpec(specText, typeName, 'd', '>')
	if err != nil {
		return "", err
	}
	switch sp.typ {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := toFloat(i)
		if err != nil {
			return "", err
		}
		return formatFloatSpec(f, sp)
	default:
		return "", unknownCode(rune(sp.typ), typeName)
	}
	if sp.precision >= 0 {
		return "", valueError("Precision not allowed in integer format specifier")
	}
	if sp.noNegZero {
		return "", valueError("Negative zero coercion (z) not allowed in integer format specifier")
	}
	x := i.BigInt()
	if sp.typ == 'c' {
		if sp.sign != 0 {
			return "", valueError("Sign not allowed with integer format specifier 'c'")
		}
		if sp.alternate {
			return "", valueError("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		if !x.IsInt64() {
			return "", &Error{Kind: pyexc.OverflowError, Msg: "Python int too large to convert to C long"}
		}
		if x.Int64() < 0 || x.Int64() > 0x10ffff {
			return "", &Error{Kind: pyexc.OverflowError, Msg: "%c arg not in range(0x110000)"}
		}
		return sp.layout(number{digits: string(rune(x.Int64()))}, 3), nil
	}
	var n number
	base, groupSize := 10, 3
	switch sp.typ {
	case 'b':
		base, groupSize, n.prefix = 2, 4, "0b"
	case 'o':
		base, groupSize, n.prefix = 8, 4, "0o"
	case 'x':
		base, groupSize, n.prefix = 16, 4, "0x"
	case 'X':
		base, groupSize, n.prefix = 16, 4, "0X"
	}
	if !sp.alternate {
		n.prefix = ""
	}
	n.sign = signOf(x.Sign() < 0, sp.sign)
	n.digits = new(big.Int).Abs(x).Text(base)
	if sp.typ == 'X' {
		n.digits = strings.ToUpper(n.digits)
	}
	return sp.layout(n, groupSize), nil
}

// toFloat converts an int for a float presentation type, as Python's
// float(i) does.
func toFloat(i starlark.Int) (float64, error) {
	f := float64(i.Float())
	if math.IsInf(f, 0) {
		return 0, &Error{Kind: pyexc.OverflowError, Msg: "int too large to convert to float"}
	}
	return f, nil
}

func signOf(negative bool, sign byte) string {
	switch {
	case negative:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

func formatFloat(f float64, specText, typeName string) (string, error) {
	sp, err := parseSpec(specText, typeName, 0, '>')
	if err != nil {
		return "", err
	}
	switch sp.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", unknownCode(rune(sp.typ), typeName)
	}
	return formatFloatSpec(f, sp)
}

// formatFloatSpec is CPython's format_float_internal.
func formatFloatSpec(f float64, sp spec) (string, error) {
	typ := sp.typ
	precision := sp.precision
	defaultPrecision := 6
	addDot0 := false
	if typ == 0 {
		addDot0 = true
		typ = 'r'
		defaultPrecision = 0
	}
	if typ == 'n' {
		typ = 'g'
	}
	pct := false
	if typ == '%' {
		typ = 'f'
		f *= 100
		pct = true
	}
	if precision < 0 {
		precision = defaultPrecision
	} else if typ == 'r' {
		typ = 'g'
	}
	negative := math.Signbit(f) && !math.IsNaN(f)
	body := floatDigits(math.Abs(f), typ, precision, sp.alternate, addDot0)
	if sp.noNegZero && negative && isZero(body) {
		negative = false
	}
	if pct {
		body += "%"
	}
	// Split the body into integer digits and the rest, for grouping.
	if math.IsInf(f, 0) || math.IsNaN(f) {
		sp.grouping = 0 // CPython groups no digits of inf and nan
	}
	i := 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
	}
	return sp.layout(number{sign: signOf(negative, sp.sign), digits: body[:i], rest: body[i:]}, 3), nil
}

// isZero reports whether a formatted number has only zero digits.
func isZero(s string) bool {
	for _, c := range s {
		if c == 'e' || c == 'E' {
			break
		}
		if c >= '1' && c <= '9' || c == 'i' || c == 'n' || c == 'I' || c == 'N' {
			return false
		}
	}
	return true
}

// floatDigits formats a non-negative f as CPython's PyOS_double_to_string
// (format_float_short) does, for the types e E f F g G and r (repr).
func floatDigits(f float64, typ byte, precision int, alt, addDot0 bool) string {
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	if math.IsInf(f, 0) || math.IsNaN(f) {
		s := "inf"
		if math.IsNaN(f) {
			s = "nan"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		return s
	}
	lower := typ | 0x20
	if lower == 'f' {
		s := strconv.FormatFloat(f, 'f', precision, 64)
		if alt && precision == 0 {
			s += "."
		}
		return s
	}
	// digits and decpt: f = 0.digits × 10^decpt.
	var e string
	switch lower {
	case 'r':
		e = strconv.FormatFloat(f, 'e', -1, 64)
	case 'e':
		e = strconv.FormatFloat(f, 'e', precision, 64)
	case 'g':
		if precision == 0 {
			precision = 1
		}
		e = strconv.FormatFloat(f, 'e', precision-1, 64)
	}
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	decpt := x + 1
	if f == 0 {
		decpt = 1
	}
	if lower == 'g' && !alt || lower == 'r' {
		digits = strings.TrimRight(digits, "0")
		if digits == "" {
			digits = "0"
		}
	}
	var useExp bool
	switch lower {
	case 'e':
		useExp = true
	case 'r':
		useExp = decpt <= -4 || decpt > 16
	case 'g':
		limit := precision
		if addDot0 {
			limit--
		}
		useExp = decpt <= -4 || decpt > limit
		if alt && len(digits) < precision {
			digits += strings.Repeat("0", precision-len(digits))
		}
	}
	exponent := 0
	if useExp {
		exponent = decpt - 1
		decpt = 1
	}
	start := 0
	if decpt <= 0 {
		start = decpt - 1
	}
	end := len(digits)
	if !useExp && addDot0 {
		end = max(end, decpt+1)
	} else {
		end = max(end, decpt)
	}
	var b strings.Builder
	for k := start; k < end; k++ {
		if k == decpt {
			b.WriteByte('.')
		}
		if k >= 0 && k < len(digits) {
			b.WriteByte(digits[k])
		} else {
			b.WriteByte('0')
		}
	}
	if decpt == end && alt {
		b.WriteByte('.')
	}
	if useExp {
		ech := byte('e')
		if upper {
			ech = 'E'
		}
		sign := '+'
		if exponent < 0 {
			sign, exponent = '-', -exponent
		}
		fmt.Fprintf(&b, "%c%c%02d", ech, sign, exponent)
	}
	return b.String()
}
