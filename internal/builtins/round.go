package builtins

import (
	"math"
	"math/big"
	"strconv"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// round_ is Python's round(number, ndigits=None). With no ndigits (or
// None) it returns an int, rounding half to even (round(2.5) is 2). With
// ndigits it returns a value of number's type rounded to that many
// decimals, correctly rounded from the exact binary value as CPython
// does: round(2.675, 2) is 2.67, because 2.675 is stored as
// 2.67499999...; round(0.125, 2) is 0.12 (half to even).
func round_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var nd starlark.Value = starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if bv, ok := x.(starlark.Bool); ok {
		x = starlark.MakeInt(map[bool]int{false: 0, true: 1}[bool(bv)])
	}
	var n int
	if nd != starlark.None {
		ni, ok := nd.(starlark.Int)
		if !ok {
			return nil, newExc(pyexc.TypeError, "'%s' object cannot be interpreted as an integer", pyTypeName(nd))
		}
		n64, ok := ni.Int64()
		if !ok {
			n64 = int64(ni.Sign()) << 40
		}
		n = int(max(min(n64, 1<<40), -1<<40))
	}
	switch x := x.(type) {
	case starlark.Int:
		if nd == starlark.None || n >= 0 {
			return x, nil
		}
		return roundInt(x, n), nil
	case starlark.Float:
		f := float64(x)
		if nd == starlark.None {
			if math.IsInf(f, 0) {
				return nil, newExc(pyexc.OverflowError, "cannot convert float infinity to integer")
			}
			if math.IsNaN(f) {
				return nil, newExc(pyexc.ValueError, "cannot convert float NaN to integer")
			}
			return starlark.NumberToInt(starlark.Float(math.RoundToEven(f)))
		}
		return roundFloat(f, n)
	}
	return nil, newExc(pyexc.TypeError, "type %s doesn't define __round__ method", pyTypeName(x))
}

// roundInt rounds x to a multiple of 10**-n (n < 0), half to even.
func roundInt(x starlark.Int, n int) starlark.Value {
	if n < -4000 {
		return starlark.MakeInt(0)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
	r := new(big.Rat).SetFrac(x.BigInt(), p)
	q := roundHalfEven(r)
	return starlark.MakeBigInt(q.Mul(q, p))
}

// roundHalfEven returns the integer nearest r, ties to even.
func roundHalfEven(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int)) // floor division: 0 <= m < den
	twice := new(big.Int).Lsh(m, 1)
	if c := twice.Cmp(den); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// roundFloat is CPython's double_round: f correctly rounded to n decimals
// (half to even on the exact value), read back as the nearest float.
func roundFloat(f float64, n int) (starlark.Value, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 {
		return starlark.Float(f), nil
	}
	const ndigitsMax, ndigitsMin = 323, -308 // as CPython's for IEEE doubles
	if n > ndigitsMax {
		return starlark.Float(f), nil
	}
	if n < ndigitsMin {
		return starlark.Float(0.0 * f), nil
	}
	var r float64
	if n >= 0 {
		r, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'f', n, 64), 64)
	} else {
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
		exact := new(big.Rat)
		exact.SetFloat64(f)
		q := roundHalfEven(exact.Quo(exact, new(big.Rat).SetInt(p)))
		r, _ = new(big.Rat).SetInt(q.Mul(q, p)).Float64()
		if r == 0 {
			r = math.Copysign(0, f)
		}
	}
	if math.IsInf(r, 0) {
		return nil, newExc(pyexc.OverflowError, "rounded value too large to represent")
	}
	return starlark.Float(r), nil
}
