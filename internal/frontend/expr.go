package frontend

import (
	"errors"
	"reflect"

	"go.starlark.net/syntax"
)

// parseExprAt parses text, an expression found at p in the source (a
// decorator, an f-string's field), with the new syntax, and gives its nodes
// their positions in the source. The text is parsed in parentheses, so it
// may span lines, as inside brackets.
func parseExprAt(filename string, text []byte, p pos, tolerant bool) (syntax.Expr, error) {
	sc := newScanner(filename, text, true)
	sc.col = 2 // after the '(' added below
	sc.tolerant = tolerant
	rewritten, err := sc.run()
	if err != nil {
		return nil, shiftErr(err, p)
	}
	buf := make([]byte, 0, len(rewritten)+2)
	buf = append(append(append(buf, '('), rewritten...), ')')
	x, err := syntax.ParseExpr(filename, buf, 0)
	if err != nil {
		return nil, shiftErr(err, p)
	}
	if paren, ok := x.(*syntax.ParenExpr); ok {
		x = paren.X
	}
	if !sc.rec.empty() {
		pt := &patcher{rec: &sc.rec, file: &sc.filename}
		if x = pt.expr(x); pt.err != nil {
			return nil, shiftErr(pt.err, p)
		}
	}
	shift(reflect.ValueOf(x), newShifter(filename, p))
	return x, nil
}

// shifter maps a position in the parenthesized text (its text from line
// 1, column 2) to the source.
type shifter struct {
	file *string
	at   pos
}

func newShifter(filename string, at pos) *shifter { return &shifter{&filename, at} }

func (sh *shifter) pos(p syntax.Position) syntax.Position {
	if !p.IsValid() {
		return p
	}
	line, col := p.Line+sh.at.line-1, p.Col
	if p.Line == 1 {
		col += sh.at.col - 2
	}
	return syntax.MakePosition(sh.file, line, col)
}

var positionType = reflect.TypeOf(syntax.Position{})

// shift moves every position in the tree v.
func shift(v reflect.Value, sh *shifter) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if !v.IsNil() {
			shift(v.Elem(), sh)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			shift(v.Index(i), sh)
		}
	case reflect.Struct:
		if v.Type() == positionType {
			if v.CanSet() {
				v.Set(reflect.ValueOf(sh.pos(v.Interface().(syntax.Position))))
			}
			return
		}
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).IsExported() && t.Field(i).Name != "Value" {
				shift(v.Field(i), sh)
			}
		}
	}
}

// shiftErr moves the position of a syntax error.
func shiftErr(err error, p pos) error {
	var se syntax.Error
	if errors.As(err, &se) {
		se.Pos = newShifter(se.Pos.Filename(), p).pos(se.Pos)
		return se
	}
	return err
}
