package locks

import (
	"fmt"
	"strings"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// queueValue is asyncio.Queue(maxsize=0), PriorityQueue(maxsize=0) or
// LifoQueue(maxsize=0), over a loop.Queue of the matching kind whose items
// are Starlark values. Python's property maxsize is an attribute. As in
// Python 3.11, a queue takes no loop: it binds to the loop of the first task
// that waits on it.
type queueValue struct {
	builtins.Object
	q     *loop.Queue
	bound builtins.BoundMethods
}

var _ starlark.HasAttrs = (*queueValue)(nil)

// String returns CPython's str() of the queue, such as "<Queue maxsize=2
// _queue=[1, 2] _getters[1] tasks=2>" (see PyRepr).
func (v *queueValue) String() string { return builtins.Repr(v) }

// PyReprMark is what a queue that holds itself is written as inside its
// own repr (where CPython's repr recurses until RecursionError).
func (v *queueValue) PyReprMark() string { return "..." }

// PyRepr writes the queue's repr; elem writes its items (see PyReprMark).
func (v *queueValue) PyRepr(elem func(starlark.Value) string) string {
	q := v.q
	var b strings.Builder
	fmt.Fprintf(&b, "<%s maxsize=%d", q.Kind(), q.Maxsize())
	if items := q.Items(); len(items) > 0 {
		b.WriteString(" _queue=[")
		for i, x := range items {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(elem(x.(starlark.Value)))
		}
		b.WriteString("]")
	}
	if n := q.Getters(); n > 0 {
		fmt.Fprintf(&b, " _getters[%d]", n)
	}
	if n := q.Putters(); n > 0 {
		fmt.Fprintf(&b, " _putters[%d]", n)
	}
	if n := q.Unfinished(); n > 0 {
		fmt.Fprintf(&b, " tasks=%d", n)
	}
	b.WriteString(">")
	return b.String()
}

// Type returns "Queue", "PriorityQueue" or "LifoQueue".
func (v *queueValue) Type() string { return v.q.Kind().String() }

// Attr returns the methods and the attribute maxsize.
func (v *queueValue) Attr(name string) (starlark.Value, error) {
	if name == "maxsize" {
		return starlark.MakeInt(v.q.Maxsize()), nil
	}
	return queueMethods.Attr(&v.bound, v, name), nil
}

func (v *queueValue) AttrNames() []string { return queueMethods.Names("maxsize") }

var queueMethods = builtins.NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"empty":      queueEmpty,
	"full":       queueFull,
	"get":        queueGet,
	"get_nowait": queueGetNowait,
	"join":       queueJoin,
	"put":        queuePut,
	"put_nowait": queuePutNowait,
	"qsize":      queueQsize,
	"task_done":  queueTaskDone,
})

// newQueue returns the constructor of a queue of kind k: asyncio.Queue,
// PriorityQueue or LifoQueue(maxsize=0).
func newQueue(k loop.QueueKind) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		maxsize := 0
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "maxsize?", &maxsize); err != nil {
			return nil, err
		}
		o, err := builtins.NewObject(thread)
		if err != nil {
			return nil, err
		}
		var less func(a, b any) (bool, error)
		if k == loop.Priority {
			less = itemLess
		}
		return &queueValue{Object: o, q: loop.NewQueue(nil, maxsize, k, less)}, nil
	}
}

// itemLess orders a PriorityQueue's items: Starlark's a < b. Values that do
// not compare are a TypeError with Python's message, naming the types of
// the pair that failed (inside tuples or lists, the first elements that
// differ, as Python compares them). It runs no script code.
func itemLess(a, b any) (bool, error) {
	x, y := a.(starlark.Value), b.(starlark.Value)
	lt, err := starlark.Compare(syntax.LT, x, y)
	if err != nil {
		x, y = unordered(x, y)
		return false, builtins.Errorf(pyexc.TypeError, "'<' not supported between instances of '%s' and '%s'", builtins.TypeName(x), builtins.TypeName(y))
	}
	return lt, nil
}

// unordered returns the pair whose comparison decides x < y: for two
// tuples or two lists, that of their first elements that are not equal,
// recursively; else x and y.
func unordered(x, y starlark.Value) (starlark.Value, starlark.Value) {
	for {
		xs, ok := x.(starlark.Indexable)
		ys, ok2 := y.(starlark.Indexable)
		if !ok || !ok2 || x.Type() != y.Type() || (x.Type() != "tuple" && x.Type() != "list") {
			return x, y
		}
		n := min(xs.Len(), ys.Len())
		i := 0
		for ; i < n; i++ {
			if eq, err := starlark.Equal(xs.Index(i), ys.Index(i)); err != nil || !eq {
				break
			}
		}
		if i == n {
			return x, y
		}
		x, y = xs.Index(i), ys.Index(i)
	}
}

func recvQueue(b *starlark.Builtin) *loop.Queue { return b.Receiver().(*queueValue).q }

func queueEmpty(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvQueue(b).Empty()), nil
}

func queueFull(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvQueue(b).Full()), nil
}

func queueQsize(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeInt(recvQueue(b).Qsize()), nil
}

// queueGet is Queue.get(), a coroutine that returns an item.
func queueGet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 || len(kwargs) > 0 {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
	}
	return builtins.OpCoroutine(queueGetOp{b.Receiver().(*queueValue)}, nil), nil
}

// queueGetOp is Queue.get(): at once if the queue holds an item, as in
// CPython (whose get awaits only while the queue is empty).
type queueGetOp struct{ *queueValue }

func (queueGetOp) Qualname() string { return "Queue.get" }

func (op queueGetOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	q := op.q
	if q.Empty() {
		return builtins.AwaitIn(thread, t, func() (any, error) { return q.Get(t) })
	}
	v, err := q.GetNowait()
	if err != nil {
		return nil, builtins.ToException(err)
	}
	return v.(starlark.Value), nil
}

// queuePut is Queue.put(item), a coroutine that returns None. Its
// coroutine carries item in its arguments.
func queuePut(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		var item starlark.Value
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "item", &item); err != nil {
			return nil, err
		}
		args = starlark.Tuple{item}
	}
	return builtins.OpCoroutine(queuePutOp{b.Receiver().(*queueValue)}, args), nil
}

// queuePutOp is Queue.put(item), args holding item: at once if the queue
// is not full, as in CPython (whose put awaits only while it is full).
type queuePutOp struct{ *queueValue }

func (queuePutOp) Qualname() string { return "Queue.put" }

func (op queuePutOp) Await(thread *starlark.Thread, t *loop.Task, args starlark.Tuple) (starlark.Value, error) {
	q, item := op.q, args[0]
	if q.Full() {
		return builtins.AwaitIn(thread, t, func() (any, error) { return nil, q.Put(t, item) })
	}
	if err := q.PutNowait(item); err != nil {
		return nil, builtins.ToException(err)
	}
	return starlark.None, nil
}

// queueJoin is Queue.join(), a coroutine that returns None.
func queueJoin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(queueJoinOp{b.Receiver().(*queueValue)}, nil), nil
}

// queueJoinOp is Queue.join(): at once if every item put is done, as in
// CPython.
type queueJoinOp struct{ *queueValue }

func (queueJoinOp) Qualname() string { return "Queue.join" }

func (op queueJoinOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	q := op.q
	if q.Unfinished() == 0 {
		return starlark.None, nil
	}
	return builtins.AwaitIn(thread, t, func() (any, error) { return nil, q.Join(t) })
}

func queueGetNowait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	v, err := recvQueue(b).GetNowait()
	if err != nil {
		return nil, builtins.ToException(err)
	}
	return v.(starlark.Value), nil
}

func queuePutNowait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var item starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "item", &item); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(recvQueue(b).PutNowait(item))
}

func queueTaskDone(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(recvQueue(b).TaskDone())
}
