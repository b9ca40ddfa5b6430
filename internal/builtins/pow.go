package builtins

import (
	"math"
	"math/big"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// maxPowBits bounds the size of an int pow() makes, so that a script's
// pow(10, 10**9) fails with MemoryError instead of holding the loop.
const maxPowBits = 1 << 24

// pow_ is Python's pow(base, exp, mod=None): base**exp, an int for ints
// and a non-negative exponent, a float otherwise; with mod (all ints)
// base**exp % mod, a negative exp taking the modular inverse.
func pow_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	var m starlark.Value = starlark.None
	if err := starlark.UnpackArgs("pow", args, kwargs, "base", &x, "exp", &y, "mod?", &m); err != nil {
		return nil, err
	}
	x, y, m = boolAsInt(x), boolAsInt(y), boolAsInt(m)
	xi, xInt := x.(starlark.Int)
	yi, yInt := y.(starlark.Int)
	if m != starlark.None {
		mi, mInt := m.(starlark.Int)
		if !xInt || !yInt || !mInt {
			return nil, newExc(pyexc.TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		return powMod(xi.BigInt(), yi.BigInt(), mi.BigInt())
	}
	if xInt && yInt && yi.Sign() >= 0 {
		bx, by := xi.BigInt(), yi.BigInt()
		if bx.CmpAbs(big.NewInt(1)) > 0 && (!by.IsInt64() || int64(bx.BitLen())*by.Int64() > maxPowBits) {
			return nil, newExc(pyexc.MemoryError, "pow(): result too large")
		}
		return starlark.MakeBigInt(new(big.Int).Exp(bx, by, nil)), nil
	}
	xf, ok1 := starlark.AsFloat(x)
	yf, ok2 := starlark.AsFloat(y)
	if !ok1 || !ok2 {
		return nil, newExc(pyexc.TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", pyTypeName(x), pyTypeName(y))
	}
	if xf == 0 && yf < 0 {
		return nil, newExc(pyexc.ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if xf < 0 && yf != math.Trunc(yf) && !math.IsInf(yf, 0) {
		return nil, newExc(pyexc.ValueError, "pow(): a negative number to a fractional power is a complex number, which asyncrun lacks")
	}
	r := math.Pow(xf, yf)
	if math.IsInf(r, 0) && !math.IsInf(xf, 0) && !math.IsInf(yf, 0) {
		return nil, newExc(pyexc.OverflowError, "(34, 'Numerical result out of range')")
	}
	return starlark.Float(r), nil
}

// powMod is pow(x, y, m) for ints: the result has m's sign, as in Python.
func powMod(x, y, m *big.Int) (starlark.Value, error) {
	if m.Sign() == 0 {
		return nil, newExc(pyexc.ValueError, "pow() 3rd argument cannot be 0")
	}
	am := new(big.Int).Abs(m)
	base := new(big.Int).Mod(x, am)
	if y.Sign() < 0 {
		if base.ModInverse(base, am) == nil {
			return nil, newExc(pyexc.ValueError, "base is not invertible for the given modulus")
		}
		y = new(big.Int).Neg(y)
	}
	r := new(big.Int).Exp(base, y, am)
	if am.Cmp(big.NewInt(1)) == 0 {
		r.SetInt64(0)
	}
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return starlark.MakeBigInt(r), nil
}
