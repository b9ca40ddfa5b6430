package aio

import "testing"

func TestCheckNet(t *testing.T) {
	for _, tc := range []struct {
		list []string
		host string
		port int
		want string
	}{
		{nil, "example.com", 80, "open_connection('example.com', 80): network access is not granted; run with -allow-net"},
		{[]string{}, "example.com", 80, ""},
		{[]string{"example.com"}, "EXAMPLE.com", 443, ""},
		{[]string{"example.com:80"}, "example.com", 80, ""},
		{[]string{"example.com:80"}, "example.com", 81, "open_connection('example.com', 80): network access to example.com:81 is not granted; add example.com:81 to -allow-net"},
		{[]string{":8080"}, "10.0.0.1", 8080, ""},
		{[]string{"[::1]:80", "127.0.0.1"}, "::1", 80, ""},
		{[]string{"::1"}, "::1", 9, ""},
		{[]string{"127.0.0.1"}, "", 0, "open_connection('example.com', 80): listening on every interface (:0) is not granted; give a host and grant it: host=\"127.0.0.1\" with -allow-net=127.0.0.1"},
		{[]string{"example.com"}, "127.0.0.1", 0, "open_connection('example.com', 80): network access to 127.0.0.1:0 is not granted; grant the host, as port 0 picks a port: -allow-net=127.0.0.1"},
		{[]string{"example.com"}, "::1", 0, "open_connection('example.com', 80): network access to [::1]:0 is not granted; grant the host, as port 0 picks a port: -allow-net=[::1]"},
		{[]string{":0"}, "", 0, ""},
	} {
		p := Permissions{Net: tc.list}
		err := p.CheckNet("open_connection('example.com', 80)", tc.host, tc.port)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%q, %s:%d: got %q, want %q", tc.list, tc.host, tc.port, got, tc.want)
		}
	}
}
