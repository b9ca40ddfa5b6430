package frontend

import (
	"go.starlark.net/syntax"
)

// patcher rewrites the parsed tree where the scanner changed the text.
type patcher struct {
	rec  *records
	file *string
	defs []*syntax.DefStmt // the enclosing defs
	err  error
}

func (p *patcher) position(at pos) syntax.Position {
	return syntax.MakePosition(p.file, at.line, at.col)
}

func ident(file *string, name string, at pos) *syntax.Ident {
	return &syntax.Ident{NamePos: syntax.MakePosition(file, at.line, at.col), Name: name}
}

// call returns the call name(args...) positioned at at.
func call(file *string, name string, at pos, args ...syntax.Expr) *syntax.CallExpr {
	c := &syntax.CallExpr{Fn: ident(file, name, at), Lparen: syntax.MakePosition(file, at.line, at.col), Args: args}
	c.Rparen = c.Lparen
	if len(args) > 0 {
		_, c.Rparen = args[len(args)-1].Span()
	}
	return c
}

func (p *patcher) errorf(at syntax.Position, msg string) {
	if p.err == nil {
		p.err = syntax.Error{Pos: at, Msg: msg}
	}
}

func (p *patcher) stmts(list []syntax.Stmt) []syntax.Stmt {
	if list == nil {
		return nil // IfStmt.Span tells an else block by a nil False
	}
	out := list[:0:0]
	for _, st := range list {
		out = append(out, p.stmt(st)...)
	}
	return out
}

// stmt returns the statements that replace st.
func (p *patcher) stmt(st syntax.Stmt) []syntax.Stmt {
	switch st := st.(type) {
	case *syntax.AssignStmt:
		st.LHS = p.expr(st.LHS)
		st.RHS = p.expr(st.RHS)
	case *syntax.BranchStmt:
		if bs, ok := p.rec.imports[posOf(st.TokenPos)]; ok && st.Token == syntax.PASS {
			return p.imports(bs)
		}
	case *syntax.DefStmt:
		return p.def(st)
	case *syntax.ExprStmt:
		st.X = p.expr(st.X)
	case *syntax.ForStmt:
		st.Vars = p.expr(st.Vars)
		st.X = p.expr(st.X)
		st.Body = p.stmts(st.Body)
	case *syntax.WhileStmt:
		st.Cond = p.expr(st.Cond)
		st.Body = p.stmts(st.Body)
	case *syntax.IfStmt:
		st.Cond = p.expr(st.Cond)
		st.True = p.stmts(st.True)
		st.False = p.stmts(st.False)
	case *syntax.ReturnStmt:
		st.Result = p.expr(st.Result)
	}
	return []syntax.Stmt{st}
}

// imports returns the assignments of an import statement's bindings.
func (p *patcher) imports(bs []binding) []syntax.Stmt {
	out := make([]syntax.Stmt, 0, len(bs))
	for _, b := range bs {
		var rhs syntax.Expr
		mod := &syntax.Literal{Token: syntax.STRING, TokenPos: p.position(b.stmtPos), Raw: syntax.Quote(b.module, false), Value: b.module}
		if b.attr == "" {
			rhs = call(p.file, "$import", b.stmtPos, mod)
		} else {
			attr := &syntax.Literal{Token: syntax.STRING, TokenPos: p.position(b.namePos), Raw: syntax.Quote(b.attr, false), Value: b.attr}
			rhs = call(p.file, "$from", b.stmtPos, mod, attr)
		}
		out = append(out, &syntax.AssignStmt{OpPos: p.position(b.namePos), Op: syntax.EQ, LHS: ident(p.file, b.name, b.namePos), RHS: rhs})
	}
	return out
}

// def patches a def and returns it with what its async and decorators add:
// f = d1(d2($coroutine(f))).
func (p *patcher) def(st *syntax.DefStmt) []syntax.Stmt {
	for i, param := range st.Params {
		st.Params[i] = p.expr(param)
	}
	p.defs = append(p.defs, st)
	st.Body = p.stmts(st.Body)
	p.defs = p.defs[:len(p.defs)-1]
	at := posOf(st.Def)
	decos := p.rec.decorators[at]
	if !p.rec.asyncDefs[at] && decos == nil {
		return []syntax.Stmt{st}
	}
	namePos := posOf(st.Name.NamePos)
	var v syntax.Expr = ident(p.file, st.Name.Name, namePos)
	if p.rec.asyncDefs[at] {
		v = call(p.file, "$coroutine", at, v)
	}
	for i := len(decos) - 1; i >= 0; i-- {
		d := decos[i]
		start, _ := d.Span()
		c := &syntax.CallExpr{Fn: d, Lparen: start, Args: []syntax.Expr{v}, Rparen: start}
		v = c
	}
	assign := &syntax.AssignStmt{OpPos: st.Name.NamePos, Op: syntax.EQ, LHS: ident(p.file, st.Name.Name, namePos), RHS: v}
	return []syntax.Stmt{st, assign}
}

func (p *patcher) exprs(list []syntax.Expr) {
	for i, x := range list {
		list[i] = p.expr(x)
	}
}

// expr returns x patched.
func (p *patcher) expr(x syntax.Expr) syntax.Expr {
	switch x := x.(type) {
	case *syntax.UnaryExpr:
		x.X = p.expr(x.X)
		if yieldFrom, ok := p.rec.awaits[posOf(x.OpPos)]; ok && x.Op == syntax.TILDE {
			if yieldFrom {
				p.checkYieldFrom(x.OpPos)
			}
			return call(p.file, "$await", posOf(x.OpPos), x.X)
		}
	case *syntax.BinaryExpr:
		x.X = p.expr(x.X)
		x.Y = p.expr(x.Y)
		if not, ok := p.rec.isOps[posOf(x.OpPos)]; ok && (x.Op == syntax.EQL || x.Op == syntax.NEQ) {
			c := call(p.file, "$is", posOf(x.OpPos), x.X, x.Y)
			if not {
				return &syntax.UnaryExpr{OpPos: x.OpPos, Op: syntax.NOT, X: c}
			}
			return c
		}
	case *syntax.Literal:
		if f, ok := p.rec.fstrings[posOf(x.TokenPos)]; ok && x.Token == syntax.STRING {
			return f
		}
	case *syntax.CallExpr:
		x.Fn = p.expr(x.Fn)
		p.exprs(x.Args)
		if p.rec.starKw {
			p.keywordsAfterStar(x)
		}
	case *syntax.Comprehension:
		x.Body = p.expr(x.Body)
		for _, cl := range x.Clauses {
			switch cl := cl.(type) {
			case *syntax.ForClause:
				cl.Vars = p.expr(cl.Vars)
				cl.X = p.expr(cl.X)
			case *syntax.IfClause:
				cl.Cond = p.expr(cl.Cond)
			}
		}
	case *syntax.CondExpr:
		x.Cond = p.expr(x.Cond)
		x.True = p.expr(x.True)
		x.False = p.expr(x.False)
	case *syntax.DictEntry:
		x.Key = p.expr(x.Key)
		x.Value = p.expr(x.Value)
	case *syntax.DictExpr:
		p.exprs(x.List)
	case *syntax.DotExpr:
		x.X = p.expr(x.X)
	case *syntax.IndexExpr:
		x.X = p.expr(x.X)
		x.Y = p.expr(x.Y)
	case *syntax.LambdaExpr:
		p.exprs(x.Params)
		x.Body = p.expr(x.Body)
	case *syntax.ListExpr:
		p.exprs(x.List)
	case *syntax.ParenExpr:
		x.X = p.expr(x.X)
	case *syntax.SliceExpr:
		x.X = p.expr(x.X)
		x.Lo = p.expr(x.Lo)
		x.Hi = p.expr(x.Hi)
		x.Step = p.expr(x.Step)
	case *syntax.TupleExpr:
		p.exprs(x.List)
	}
	return x
}

// checkYieldFrom reports a yield from outside an @asyncio.coroutine function.
func (p *patcher) checkYieldFrom(at syntax.Position) {
	if len(p.defs) == 0 {
		p.errorf(at, "'yield from' outside function (at top level, write `await x`)")
		return
	}
	def := posOf(p.defs[len(p.defs)-1].Def)
	switch {
	case p.rec.asyncDefs[def]:
		p.errorf(at, "'yield from' inside async function: write `await x`")
	case !p.rec.coroDefs[def]:
		p.errorf(at, "'yield from' outside an @asyncio.coroutine function: asyncrun has no generators (write `async def` and `await x`)")
	}
}

func isStar(x syntax.Expr, op syntax.Token) bool {
	u, ok := x.(*syntax.UnaryExpr)
	return ok && u.Op == op
}

func isNamed(x syntax.Expr) bool {
	b, ok := x.(*syntax.BinaryExpr)
	return ok && b.Op == syntax.EQ
}

// keywordsAfterStar rewrites g(*a, k=v, **m) — keywords after *args or
// **kwargs, which Python allows and Starlark does not — as
// g(*a, **$kw(("k", v), m)): the keywords are evaluated in Python's order,
// after the *args.
func (p *patcher) keywordsAfterStar(c *syntax.CallExpr) {
	first, need, seenStarStar := -1, false, false
	for i, a := range c.Args {
		star, starStar := isStar(a, syntax.STAR), isStar(a, syntax.STARSTAR)
		if (star || starStar) && first < 0 {
			first = i
		}
		if isNamed(a) && first >= 0 && first < i || starStar && seenStarStar {
			need = true
		}
		seenStarStar = seenStarStar || starStar
	}
	if !need {
		return
	}
	args := append([]syntax.Expr(nil), c.Args[:first]...)
	var kws []syntax.Expr
	for _, a := range c.Args[first:] {
		switch {
		case isNamed(a):
			b := a.(*syntax.BinaryExpr)
			name := b.X.(*syntax.Ident)
			key := &syntax.Literal{Token: syntax.STRING, TokenPos: name.NamePos, Raw: syntax.Quote(name.Name, false), Value: name.Name}
			kws = append(kws, &syntax.TupleExpr{List: []syntax.Expr{key, b.Y}})
		case isStar(a, syntax.STARSTAR):
			kws = append(kws, a.(*syntax.UnaryExpr).X)
		default:
			args = append(args, a)
		}
	}
	start, _ := c.Args[first].Span()
	args = append(args, &syntax.UnaryExpr{OpPos: start, Op: syntax.STARSTAR, X: call(p.file, "$kw", posOf(start), kws...)})
	c.Args = args
}
