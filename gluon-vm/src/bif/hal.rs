//! `gluon_hal`: the natives under Gluon's `gpio`, `i2c`, `spi` and `uart`
//! modules (`erlang-stdlib/`), over the platform's
//! [`crate::os::Peripherals`]. A board without peripherals answers
//! `{error, enotsup}`.

use super::drv_args::{atom_term, iodata, is_atom, ok, posix, u32_arg, unit};
use super::{native, BifDef, BifResult, Ctx, Exception};
use crate::os::{Peripherals, PinMode, PosixError};
use crate::term::Term;
use alloc::vec::Vec;

pub(crate) static BIFS: &[BifDef] = &[
    native("gluon_hal", "gpio_mode", 2, gpio_mode),
    native("gluon_hal", "gpio_write", 2, gpio_write),
    native("gluon_hal", "gpio_read", 1, gpio_read),
    native("gluon_hal", "i2c_write_read", 4, i2c_write_read),
    native("gluon_hal", "spi_transfer", 2, spi_transfer),
    native("gluon_hal", "uart_write", 2, uart_write),
    native("gluon_hal", "uart_read", 2, uart_read),
];

fn hal<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut dyn Peripherals, PosixError> {
    ctx.os.peripherals().ok_or(PosixError::Enotsup)
}

/// `gpio_mode(Pin, input | output | input_pullup | input_pulldown)`.
fn gpio_mode(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let pin = u32_arg(a[0])?;
    let mode = [
        ("input", PinMode::Input),
        ("output", PinMode::Output),
        ("input_pullup", PinMode::InputPullUp),
        ("input_pulldown", PinMode::InputPullDown),
    ]
    .into_iter()
    .find(|(n, _)| is_atom(ctx, a[1], n))
    .map(|(_, m)| m)
    .ok_or_else(Exception::badarg)?;
    let r = hal(ctx).and_then(|h| h.gpio_set_mode(pin, mode));
    unit(ctx, r)
}

/// `gpio_write(Pin, high | low | 1 | 0)`.
fn gpio_write(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let pin = u32_arg(a[0])?;
    let high = if is_atom(ctx, a[1], "high") || a[1] == Term::small(1) {
        true
    } else if is_atom(ctx, a[1], "low") || a[1] == Term::small(0) {
        false
    } else {
        return Err(Exception::badarg());
    };
    let r = hal(ctx).and_then(|h| h.gpio_write(pin, high));
    unit(ctx, r)
}

/// `gpio_read(Pin)`: `high` or `low`.
fn gpio_read(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let pin = u32_arg(a[0])?;
    match hal(ctx).and_then(|h| h.gpio_read(pin)) {
        Ok(true) => atom_term(ctx, "high"),
        Ok(false) => atom_term(ctx, "low"),
        Err(e) => posix(ctx, e),
    }
}

/// `i2c_write_read(Bus, Address, Bytes, ReadCount)`: `{ok, Binary}` of
/// `ReadCount` bytes read after writing `Bytes` (either may be empty).
fn i2c_write_read(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let bus = u32_arg(a[0])?;
    let addr = u16::try_from(u32_arg(a[1])?).map_err(|_| Exception::badarg())?;
    let out = iodata(a[2]).ok_or_else(Exception::badarg)?;
    let n = u32_arg(a[3])? as usize;
    let mut input: Vec<u8> = alloc::vec![0; n];
    match hal(ctx).and_then(|h| h.i2c_write_read(bus, addr, &out, &mut input)) {
        Ok(()) => {
            let b = crate::binary::new_heap_binary(ctx.heap, &input)?;
            ok(ctx, b)
        }
        Err(e) => posix(ctx, e),
    }
}

/// `spi_transfer(Bus, Bytes)`: `{ok, Binary}` of what came back.
fn spi_transfer(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let bus = u32_arg(a[0])?;
    let mut data = iodata(a[1]).ok_or_else(Exception::badarg)?;
    match hal(ctx).and_then(|h| h.spi_transfer(bus, &mut data)) {
        Ok(()) => {
            let b = crate::binary::new_heap_binary(ctx.heap, &data)?;
            ok(ctx, b)
        }
        Err(e) => posix(ctx, e),
    }
}

/// `uart_write(Port, Bytes)`: `{ok, Written}` (the caller retries the
/// rest when the UART's buffer is full).
fn uart_write(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let port = u32_arg(a[0])?;
    let data = iodata(a[1]).ok_or_else(Exception::badarg)?;
    let mut at = 0;
    let r = hal(ctx).and_then(|h| {
        while at < data.len() {
            match h.uart_write(port, &data[at..])? {
                0 => break,
                k => at += k,
            }
        }
        Ok(())
    });
    match r {
        Ok(()) => ok(ctx, Term::small(at as isize)),
        Err(e) => posix(ctx, e),
    }
}

/// `uart_read(Port, Max)`: `{ok, Binary}` of what has arrived (possibly
/// empty), without waiting.
fn uart_read(ctx: &mut Ctx<'_>, a: &[Term]) -> BifResult {
    let port = u32_arg(a[0])?;
    let max = (u32_arg(a[1])? as usize).clamp(1, 4096);
    let mut buf = alloc::vec![0u8; max];
    match hal(ctx).and_then(|h| h.uart_read(port, &mut buf)) {
        Ok(k) => {
            let b = crate::binary::new_heap_binary(ctx.heap, &buf[..k])?;
            ok(ctx, b)
        }
        Err(e) => posix(ctx, e),
    }
}
