
fn zz() {}
