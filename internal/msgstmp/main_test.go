package msgs
import ("testing";"fmt";"errors";"go.starlark.net/starlark";"go.starlark.net/syntax")
func TestMsgs(t *testing.T) {
	opts := &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}
	for _, src := range []string{`{}["k"]`, `{}[5]`, `[1][5]`, `"ab"[5]`, `(1,)[5]`, `None.x`, `"s".push`, `struct(a=1).b`, `[1] + (2,)`, `-"x"`, `1 + "a"`, `int("x")`, `float("abc")`, `a, b = [1,2,3]`, `a, b, c = [1,2]`, `sorted([3, "a"])`, `len(5)`, `(5)()`, `f(1,2,3)`, `f(z=1)`, `f()`, `f(1, a=2)`, `[].pop()`, `{}.pop("k")`, `{}.popitem()`, `[1].index(5)`, `[1].remove(5)`, `"ab".index("z")`, `r(0)`, `x = [1]; x.append(1) if 0 else None`, `hash([])`, `{[1]: 2}`, `1 < "a"`, `undefined_fn()`, `int("9"*40) << 100000`, `"x" * -1`, `range(3)[5]`, `l = [1]; [l.append(2) for x in l]`, `"%d" % "x"`, `"a".split(1)`} {
		th := &starlark.Thread{}
		pre := starlark.StringDict{"struct": starlark.NewBuiltin("struct", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) { return starlark.None, nil })}
		_, err := starlark.ExecFileOptions(opts, th, "x", "def f(a): return a\ndef r(n): return r(n+1)\n"+src+"\n", pre)
		var ee *starlark.EvalError
		if errors.As(err, &ee) {
			inner := errors.Unwrap(ee)
			fmt.Printf("%-40s | %T | %v\n", src, inner, inner)
		} else { fmt.Printf("%-40s | other | %v\n", src, err) }
	}
}
