package repl

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Live globals.
//
// go.starlark.net compiles each REPL chunk as its own module: a function
// reads the globals of the chunk that defined it, as they were when that
// chunk ran, and may not name a global that does not exist yet. A Python
// user expects the opposite: `def got(f): loop.stop()` before `loop = ...`,
// and a function that sees a global reassigned at a later prompt.
//
// So, before a chunk runs, it is rewritten:
//   - inside a def or lambda, a name that is not local to it (nor to an
//     enclosing function) and not a universal builtin reads the session's
//     globals when it runs: `loop` becomes `$g.loop`;
//   - at top level, every statement that binds a global (assignment, for,
//     def, load) is followed by `$set("name", name)`, so the session's
//     globals are current while the chunk is still running.
//
// `$g` and `$set` are session globals that no script can name.

const (
	liveGlobalsName = "$g"
	liveSetName     = "$set"
)

// liveGlobals is the value of `$g`: attribute x reads the session's global x.
type liveGlobals struct{ d starlark.StringDict }

func (g *liveGlobals) String() string        { return "<globals>" }
func (g *liveGlobals) Type() string          { return "globals" }
func (g *liveGlobals) Freeze()               {}
func (g *liveGlobals) Truth() starlark.Bool  { return true }
func (g *liveGlobals) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: globals") }
func (g *liveGlobals) Attr(name string) (starlark.Value, error) {
	if v, ok := g.d[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("undefined: %s", name)
}
func (g *liveGlobals) AttrNames() []string {
	names := make([]string, 0, len(g.d))
	for k := range g.d {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// installLive adds `$g` and `$set` to the session's globals.
func installLive(globals starlark.StringDict) {
	globals[liveGlobalsName] = &liveGlobals{globals}
	globals[liveSetName] = starlark.NewBuiltin(liveSetName, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		for i := 0; i+1 < len(args); i += 2 {
			if name, ok := starlark.AsString(args[i]); ok {
				globals[name] = args[i+1]
			}
		}
		return starlark.None, nil
	})
}

// hiddenName reports whether a global is the session's own, or one of the
// names Python's syntax is rewritten into (`$await`, ...).
func hiddenName(name string) bool { return strings.HasPrefix(name, "$") }

// makeLive rewrites a parsed chunk as described above.
func makeLive(f *syntax.File) {
	lw := &liveWriter{}
	f.Stmts = lw.stmts(f.Stmts)
}

type liveWriter struct {
	scopes []map[string]bool // enclosing functions' and comprehensions' locals
}

// stmts rewrites a block. At top level (including top-level if/for/while
// blocks: no enclosing function) it also records global bindings as they
// happen: $set after an assignment, def or load, and at the start of each
// iteration of a for loop.
func (lw *liveWriter) stmts(stmts []syntax.Stmt) []syntax.Stmt {
	if stmts == nil || len(lw.scopes) > 0 {
		for _, st := range stmts {
			lw.stmt(st)
		}
		return stmts // nil stays nil: IfStmt.Span tells an else block by a nil False
	}
	out := make([]syntax.Stmt, 0, len(stmts))
	for _, st := range stmts {
		lw.stmt(st)
		out = append(out, st)
		var bound []*syntax.Ident
		binds(st, &bound, false)
		if f, ok := st.(*syntax.ForStmt); ok {
			f.Body = append([]syntax.Stmt{setStmt(bound)}, f.Body...)
		} else if len(bound) > 0 {
			out = append(out, setStmt(bound))
		}
	}
	return out
}

// stmt rewrites one statement, and the blocks in it (see stmts).
func (lw *liveWriter) stmt(st syntax.Stmt) {
	switch st := st.(type) {
	case *syntax.ExprStmt:
		st.X = lw.expr(st.X)
	case *syntax.ReturnStmt:
		if st.Result != nil {
			st.Result = lw.expr(st.Result)
		}
	case *syntax.AssignStmt:
		st.RHS = lw.expr(st.RHS)
		st.LHS = lw.target(st.LHS)
	case *syntax.IfStmt:
		st.Cond = lw.expr(st.Cond)
		st.True = lw.stmts(st.True)
		st.False = lw.stmts(st.False)
	case *syntax.WhileStmt:
		st.Cond = lw.expr(st.Cond)
		st.Body = lw.stmts(st.Body)
	case *syntax.ForStmt:
		st.X = lw.expr(st.X)
		st.Vars = lw.target(st.Vars)
		st.Body = lw.stmts(st.Body)
	case *syntax.DefStmt:
		lw.def(st)
	}
}

// binds adds to out the names st binds: an assignment's targets, a for
// loop's variables, a def's name, a load's names; with deep, also those its
// blocks bind (not those of functions nested in it).
func binds(st syntax.Stmt, out *[]*syntax.Ident, deep bool) {
	var blocks [][]syntax.Stmt
	switch st := st.(type) {
	case *syntax.AssignStmt:
		targetNames(st.LHS, out)
	case *syntax.DefStmt:
		*out = append(*out, st.Name)
	case *syntax.LoadStmt:
		*out = append(*out, st.To...)
	case *syntax.ForStmt:
		targetNames(st.Vars, out)
		blocks = [][]syntax.Stmt{st.Body}
	case *syntax.WhileStmt:
		blocks = [][]syntax.Stmt{st.Body}
	case *syntax.IfStmt:
		blocks = [][]syntax.Stmt{st.True, st.False}
	}
	if !deep {
		return
	}
	for _, block := range blocks {
		for _, s := range block {
			binds(s, out, deep)
		}
	}
}

// setStmt is `$set("a", a, "b", b, ...)`.
func setStmt(names []*syntax.Ident) syntax.Stmt {
	var pos syntax.Position
	if len(names) > 0 {
		pos = names[0].NamePos
	}
	call := &syntax.CallExpr{Fn: &syntax.Ident{NamePos: pos, Name: liveSetName}, Lparen: pos, Rparen: pos}
	for _, id := range names {
		call.Args = append(call.Args,
			&syntax.Literal{Token: syntax.STRING, TokenPos: id.NamePos, Raw: fmt.Sprintf("%q", id.Name), Value: id.Name},
			&syntax.Ident{NamePos: id.NamePos, Name: id.Name})
	}
	return &syntax.ExprStmt{X: call}
}

// targetNames collects the names an assignment target binds.
func targetNames(e syntax.Expr, out *[]*syntax.Ident) {
	switch e := e.(type) {
	case *syntax.Ident:
		*out = append(*out, e)
	case *syntax.ParenExpr:
		targetNames(e.X, out)
	case *syntax.TupleExpr:
		for _, x := range e.List {
			targetNames(x, out)
		}
	case *syntax.ListExpr:
		for _, x := range e.List {
			targetNames(x, out)
		}
	}
}

// target rewrites the expressions inside an assignment target (the x of
// x.f = v and x[i] = v), not the names it binds.
func (lw *liveWriter) target(e syntax.Expr) syntax.Expr {
	switch t := e.(type) {
	case *syntax.Ident:
		return t
	case *syntax.ParenExpr:
		t.X = lw.target(t.X)
	case *syntax.TupleExpr:
		for i, x := range t.List {
			t.List[i] = lw.target(x)
		}
	case *syntax.ListExpr:
		for i, x := range t.List {
			t.List[i] = lw.target(x)
		}
	default:
		return lw.expr(e)
	}
	return e
}

// def rewrites a function: its defaults in the enclosing scope, its body in
// a new one holding its parameters and every name its body binds.
func (lw *liveWriter) def(d *syntax.DefStmt) {
	locals := lw.params(d.Params)
	bodyLocals(d.Body, locals)
	lw.scopes = append(lw.scopes, locals)
	lw.stmts(d.Body)
	lw.scopes = lw.scopes[:len(lw.scopes)-1]
}

// params rewrites parameter defaults and returns the parameter names.
func (lw *liveWriter) params(ps []syntax.Expr) map[string]bool {
	locals := map[string]bool{}
	for _, p := range ps {
		switch p := p.(type) {
		case *syntax.Ident:
			locals[p.Name] = true
		case *syntax.BinaryExpr: // name=default
			if id, ok := p.X.(*syntax.Ident); ok {
				locals[id.Name] = true
			}
			p.Y = lw.expr(p.Y)
		case *syntax.UnaryExpr: // *args, **kwargs, bare *
			if id, ok := p.X.(*syntax.Ident); ok {
				locals[id.Name] = true
			}
		}
	}
	return locals
}

// bodyLocals adds the names a function body binds (not those of functions
// nested in it, except their own names).
func bodyLocals(stmts []syntax.Stmt, locals map[string]bool) {
	var ids []*syntax.Ident
	for _, st := range stmts {
		binds(st, &ids, true)
	}
	for _, id := range ids {
		locals[id.Name] = true
	}
}

// local reports whether a name inside a function is bound by it or by an
// enclosing function or comprehension.
func (lw *liveWriter) local(name string) bool {
	for i := len(lw.scopes) - 1; i >= 0; i-- {
		if lw.scopes[i][name] {
			return true
		}
	}
	return false
}

func (lw *liveWriter) exprs(es []syntax.Expr) {
	for i, e := range es {
		es[i] = lw.expr(e)
	}
}

func (lw *liveWriter) expr(e syntax.Expr) syntax.Expr {
	switch x := e.(type) {
	case nil:
		return nil
	case *syntax.Ident:
		if len(lw.scopes) == 0 || lw.local(x.Name) || starlark.Universe.Has(x.Name) || hiddenName(x.Name) {
			return x
		}
		return &syntax.DotExpr{
			X:       &syntax.Ident{NamePos: x.NamePos, Name: liveGlobalsName},
			Dot:     x.NamePos,
			NamePos: x.NamePos,
			Name:    &syntax.Ident{NamePos: x.NamePos, Name: x.Name},
		}
	case *syntax.ParenExpr:
		x.X = lw.expr(x.X)
	case *syntax.UnaryExpr:
		x.X = lw.expr(x.X)
	case *syntax.BinaryExpr:
		x.X = lw.expr(x.X)
		x.Y = lw.expr(x.Y)
	case *syntax.CallExpr:
		x.Fn = lw.expr(x.Fn)
		for i, a := range x.Args {
			if kw, ok := a.(*syntax.BinaryExpr); ok && kw.Op == syntax.EQ {
				kw.Y = lw.expr(kw.Y) // name=value: the name is not a read
				continue
			}
			x.Args[i] = lw.expr(a)
		}
	case *syntax.DotExpr:
		x.X = lw.expr(x.X)
	case *syntax.IndexExpr:
		x.X = lw.expr(x.X)
		x.Y = lw.expr(x.Y)
	case *syntax.SliceExpr:
		x.X = lw.expr(x.X)
		x.Lo = lw.expr(x.Lo)
		x.Hi = lw.expr(x.Hi)
		x.Step = lw.expr(x.Step)
	case *syntax.ListExpr:
		lw.exprs(x.List)
	case *syntax.TupleExpr:
		lw.exprs(x.List)
	case *syntax.DictExpr:
		for _, entry := range x.List {
			de := entry.(*syntax.DictEntry)
			de.Key = lw.expr(de.Key)
			de.Value = lw.expr(de.Value)
		}
	case *syntax.CondExpr:
		x.Cond = lw.expr(x.Cond)
		x.True = lw.expr(x.True)
		x.False = lw.expr(x.False)
	case *syntax.LambdaExpr:
		lw.scopes = append(lw.scopes, lw.params(x.Params))
		x.Body = lw.expr(x.Body)
		lw.scopes = lw.scopes[:len(lw.scopes)-1]
	case *syntax.Comprehension:
		// The first iterable is evaluated outside; the rest inside the
		// comprehension's own scope with its loop variables.
		locals := map[string]bool{}
		for i, c := range x.Clauses {
			if fc, ok := c.(*syntax.ForClause); ok {
				if i == 0 {
					fc.X = lw.expr(fc.X)
				}
				var ids []*syntax.Ident
				targetNames(fc.Vars, &ids)
				for _, id := range ids {
					locals[id.Name] = true
				}
			}
		}
		lw.scopes = append(lw.scopes, locals)
		for i, c := range x.Clauses {
			switch c := c.(type) {
			case *syntax.ForClause:
				if i > 0 {
					c.X = lw.expr(c.X)
				}
				c.Vars = lw.target(c.Vars)
			case *syntax.IfClause:
				c.Cond = lw.expr(c.Cond)
			}
		}
		x.Body = lw.expr(x.Body)
		lw.scopes = lw.scopes[:len(lw.scopes)-1]
	}
	return e
}
