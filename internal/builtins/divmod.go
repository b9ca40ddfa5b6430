package builtins

import (
	"math"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// divmod_ is Python's divmod(a, b): (a // b, a % b) for ints, with the
// quotient floored; for floats CPython's float divmod, exact to the last
// bit (divmod(-7.5, 2) is (-4.0, 0.5)).
func divmod_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackPositionalArgs("divmod", args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	x, y = boolAsInt(x), boolAsInt(y)
	xi, xInt := x.(starlark.Int)
	yi, yInt := y.(starlark.Int)
	if xInt && yInt {
		if yi.Sign() == 0 {
			return nil, newExc(pyexc.ZeroDivisionError, "integer division or modulo by zero")
		}
		q, err := starlark.Binary(syntax.SLASHSLASH, xi, yi)
		if err != nil {
			return nil, err
		}
		r, err := starlark.Binary(syntax.PERCENT, xi, yi)
		if err != nil {
			return nil, err
		}
		return starlark.Tuple{q, r}, nil
	}
	xf, ok1 := starlark.AsFloat(x)
	yf, ok2 := starlark.AsFloat(y)
	if !ok1 || !ok2 {
		return nil, newExc(pyexc.TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", pyTypeName(x), pyTypeName(y))
	}
	if yf == 0 {
		return nil, newExc(pyexc.ZeroDivisionError, "float divmod()")
	}
	q, r := floatDivmod(xf, yf)
	return starlark.Tuple{starlark.Float(q), starlark.Float(r)}, nil
}

// floatDivmod is CPython's _float_div_mod.
func floatDivmod(vx, wx float64) (floordiv, mod float64) {
	mod = math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// boolAsInt returns True and False as 1 and 0, as Python's arithmetic
// sees them.
func boolAsInt(v starlark.Value) starlark.Value {
	if b, ok := v.(starlark.Bool); ok {
		if b {
			return starlark.MakeInt(1)
		}
		return starlark.MakeInt(0)
	}
	return v
}
