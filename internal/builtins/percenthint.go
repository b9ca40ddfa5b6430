package builtins

import "go.starlark.net/starlark"

// percentHint is the error of a % conversion with flags, width or
// precision ("%.1f" % x, "%5d" % n, "%03d" % n), which Python's % takes and
// Starlark's refuses: a ValueError pointing to format(), which writes
// Python's format spec ("%.1f" % x is format(x, ".1f"), "%5d" % n is
// format(n, "5d"), "%03d" % n is format(n, "03d")).
//
// go.starlark.net makes this error with fmt.Errorf, so it is recognised by
// the form of its message, as the other rows of starlarkErrors are.
func percentHint(m []string) starlark.Tuple {
	return starlark.Tuple{starlark.String(percentHintText(m[1]))}
}

// percentHintText is the message for a % followed by c.
func percentHintText(c string) string {
	return "unsupported format character '" + c + "' after %: Starlark's % takes no flags, width or precision; " +
		"write format(x, \".1f\") for \"%.1f\" % x, format(n, \"03d\") for \"%03d\" % n"
}
