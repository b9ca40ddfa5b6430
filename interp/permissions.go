package interp

import "github.com/asyncrun/asyncrun/aio"

// permissions returns the grants of o as the one type every layer below
// uses (aio.Permissions), made once here.
func (o Options) permissions() aio.Permissions {
	return aio.Permissions{Net: o.AllowNet, Run: o.AllowRun, Read: o.AllowRead, Write: o.AllowWrite}
}
