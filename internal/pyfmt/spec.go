package pyfmt

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// spec is a parsed format spec:
// [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type].
type spec struct {
	fill      rune // 0 when not given
	align     byte // one of <>=^, or 0 when not given
	sign      byte // one of +-space, or 0
	noNegZero bool // z
	alternate bool // #
	width     int  // -1 when not given
	grouping  byte // ',' or '_' or 0
	precision int  // -1 when not given
	typ       byte // the presentation type, or 0
}

func isAlign(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// maxDigits bounds width and precision, as CPython's Py_ssize_t does.
const maxDigits = 1 << 31

// parseSpec parses s as CPython's parse_internal_render_format_spec does,
// for a value of Python type typeName whose default type and alignment are
// given.
func parseSpec(s, typeName string, defaultType, defaultAlign byte) (spec, error) {
	sp := spec{width: -1, precision: -1}
	pos := 0
	alignSpecified, fillSpecified := false, false
	r0, n0 := utf8.DecodeRuneInString(s)
	if len(s) > n0 {
		if r1, _ := utf8.DecodeRuneInString(s[n0:]); isAlign(r1) {
			sp.fill, sp.align = r0, byte(r1)
			pos = n0 + 1
			alignSpecified, fillSpecified = true, true
		}
	}
	if !alignSpecified && len(s) > 0 && isAlign(rune(s[0])) {
		sp.align = s[0]
		pos = 1
		alignSpecified = true
	}
	if pos < len(s) && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ') {
		sp.sign = s[pos]
		pos++
	}
	if pos < len(s) && s[pos] == 'z' {
		sp.noNegZero = true
		pos++
	}
	if pos < len(s) && s[pos] == '#' {
		sp.alternate = true
		pos++
	}
	if !fillSpecified && pos < len(s) && s[pos] == '0' {
		sp.fill = '0'
		if !alignSpecified && defaultAlign == '>' {
			sp.align = '='
		}
		pos++
	}
	n, w, err := readInt(s[pos:])
	if err != nil {
		return sp, err
	}
	if n > 0 {
		sp.width = w
		pos += n
	}
	if pos < len(s) && s[pos] == ',' {
		sp.grouping = ','
		pos++
	}
	if pos < len(s) && s[pos] == '_' {
		if sp.grouping != 0 {
			return sp, valueError("Cannot specify both ',' and '_'.")
		}
		sp.grouping = '_'
		pos++
	}
	if pos < len(s) && s[pos] == ',' && sp.grouping == '_' {
		return sp, valueError("Cannot specify both ',' and '_'.")
	}
	if pos < len(s) && s[pos] == '.' {
		pos++
		n, p, err := readInt(s[pos:])
		if err != nil {
			return sp, err
		}
		if n == 0 {
			return sp, valueError("Format specifier missing precision")
		}
		sp.precision = p
		pos += n
	}
	rest := s[pos:]
	if utf8.RuneCountInString(rest) > 1 {
		return sp, valueError(fmt.Sprintf("Invalid format specifier '%s' for object of type '%s'", s, typeName))
	}
	if rest == "" {
		sp.typ = defaultType
	} else {
		r, _ := utf8.DecodeRuneInString(rest)
		if r >= 0x80 {
			return sp, unknownCode(r, typeName)
		}
		sp.typ = rest[0]
	}
	if sp.grouping != 0 {
		switch sp.typ {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		case 'b', 'o', 'x', 'X':
			if sp.grouping != '_' {
				return sp, invalidGrouping(sp.grouping, sp.typ)
			}
		default:
			return sp, invalidGrouping(sp.grouping, sp.typ)
		}
	}
	return sp, nil
}

func invalidGrouping(sep, typ byte) error {
	if typ > 32 && typ < 128 {
		return valueError(fmt.Sprintf("Cannot specify '%c' with '%c'.", sep, typ))
	}
	return valueError(fmt.Sprintf("Cannot specify '%c' with '\\x%x'.", sep, typ))
}

func unknownCode(typ rune, typeName string) error {
	if typ > 32 && typ < 128 {
		return valueError(fmt.Sprintf("Unknown format code '%c' for object of type '%s'", typ, typeName))
	}
	return valueError(fmt.Sprintf("Unknown format code '\\x%x' for object of type '%s'", typ, typeName))
}

// readInt reads the decimal digits at the start of s: how many, and their
// value.
func readInt(s string) (n, v int, err error) {
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		v = v*10 + int(s[n]-'0')
		if v >= maxDigits {
			return 0, 0, valueError("Too many decimal digits in format string")
		}
		n++
	}
	return n, v, nil
}

// number is a number laid out in parts, as CPython's calc_number_widths
// sees it: sign, prefix (0x), the integer digits, and the rest (point,
// fraction, exponent, %).
type number struct {
	sign   string
	prefix string
	digits string
	rest   string
}

// layout pads and groups a number as the spec asks.
func (sp spec) layout(n number, groupSize int) string {
	digits := n.digits
	if sp.grouping != 0 {
		minWidth := 0
		if sp.fill == '0' && sp.align == '=' {
			minWidth = sp.width - utf8.RuneCountInString(n.sign+n.prefix+n.rest)
		}
		digits = group(digits, minWidth, groupSize, sp.grouping)
	}
	return sp.pad(n.sign+n.prefix, digits+n.rest, '>')
}

// pad pads head+body to the width with the fill, by the alignment (or
// defaultAlign); '=' pads between head and body.
func (sp spec) pad(head, body string, defaultAlign byte) string {
	n := utf8.RuneCountInString(head) + utf8.RuneCountInString(body)
	if sp.width <= n {
		return head + body
	}
	fill := sp.fill
	if fill == 0 {
		fill = ' '
	}
	padding := sp.width - n
	align := sp.align
	if align == 0 {
		align = defaultAlign
	}
	f := string(fill)
	switch align {
	case '<':
		return head + body + strings.Repeat(f, padding)
	case '^':
		left := padding / 2
		return strings.Repeat(f, left) + head + body + strings.Repeat(f, padding-left)
	case '=':
		return head + strings.Repeat(f, padding) + body
	default:
		return strings.Repeat(f, padding) + head + body
	}
}

// group inserts sep (',' or '_') between groups of size digits, padding
// with zeros to minWidth as CPython's _PyUnicode_InsertThousandsGrouping does (a group
// of zeros never starts with a separator).
func group(digits string, minWidth, size int, sep byte) string {
	var parts []string
	remaining := len(digits)
	const sepLen = 1
	for {
		l := min(size, max(remaining, minWidth, 1))
		nZeros := max(0, l-remaining)
		nChars := max(0, min(remaining, l))
		parts = append(parts, strings.Repeat("0", nZeros)+digits[remaining-nChars:remaining])
		remaining -= nChars
		minWidth -= size
		if remaining <= 0 && minWidth <= 0 {
			break
		}
		minWidth -= sepLen
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
		if i > 0 {
			b.WriteByte(sep)
		}
	}
	return b.String()
}
