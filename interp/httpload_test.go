package interp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// TestHTTPLoad measures the HTTP server of Example_serverHandler (a Call
// per request with a 200 ms deadline, the script awaiting a host
// function) against the same handler written in plain Go: 50 client
// goroutines on loopback, each sending requests one after another for the
// given time. It prints requests/s, p50 and p99. It runs only when asked:
//
//	ASYNCRUN_HTTP_LOAD=2s go test -count=1 -run TestHTTPLoad -v ./interp
func TestHTTPLoad(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("ASYNCRUN_HTTP_LOAD"))
	if err != nil {
		t.Skip("set ASYNCRUN_HTTP_LOAD to a duration (2s) to run the load test")
	}
	lookup := func(ctx context.Context, user string) string { return strings.ToUpper(user) }
	plain := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := r.URL.Query().Get("user")
		json.NewEncoder(w).Encode(map[string]any{"greeting": "hello " + lookup(r.Context(), user), "path": r.URL.Path})
	})
	hostLookup := interp.AsyncFunc("lookup", func(ctx context.Context, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		s, _ := starlark.AsString(args[0])
		return starlark.String(lookup(ctx, s)), nil
	})
	it := interp.New(interp.Options{Stdout: io.Discard, Predeclared: starlark.StringDict{"lookup": hostLookup}})
	if _, err := it.ExecFile(context.Background(), "handlers.star", `
def handle(req):
    name = await_(lookup(req["user"]))
    return {"greeting": "hello " + name, "path": req["path"]}
handle = asyncio.coroutine(handle)
`); err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	it.OnLoop(func() { close(ready) }) // the base commit needs it; harmless now
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- it.RunForever(ctx) }()
	<-ready
	scripted := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 200*time.Millisecond)
		defer cancel()
		v, err := it.Call(ctx, "handle", map[string]any{"user": r.URL.Query().Get("user"), "path": r.URL.Path})
		if err != nil {
			http.Error(w, err.Error(), http.StatusGatewayTimeout)
			return
		}
		json.NewEncoder(w).Encode(v)
	})
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"plain Go", plain}, {"interp.Call", scripted}} {
		rps, p50, p99, failed := load(t, h.h, d)
		fmt.Printf("%-12s %8.0f req/s  p50 %7.3f ms  p99 %7.3f ms  failed %d\n", h.name, rps, ms(p50), ms(p99), failed)
	}
	stop()
	<-done
	it.Close()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// load runs 50 clients against h for d and returns the rate, the median
// and 99th percentile latencies, and the count of failed requests.
func load(t *testing.T, h http.Handler, d time.Duration) (float64, time.Duration, time.Duration, int) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 100}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	const clients = 50
	var mu sync.Mutex
	var lat []time.Duration
	failed := 0
	end := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for i := 0; time.Now().Before(end); i++ {
				t0 := time.Now()
				resp, err := client.Get(srv.URL + "/u/" + strconv.Itoa(c) + "?user=u" + strconv.Itoa(i))
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					bad++
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			failed += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		t.Fatal("no request completed")
	}
	return float64(len(lat)) / elapsed.Seconds(), lat[len(lat)/2], lat[len(lat)*99/100], failed
}
