//! Peripherals from `embedded-hal` 1.0 drivers: [`HalBoard`] implements
//! the VM's [`Peripherals`] hooks over the pins, I²C buses, SPI devices
//! and serial ports a Rust firmware hands it, numbered as Erlang will
//! name them (`gpio:digital_write(2, high)` drives the pin registered as
//! 2).
//!
//! `embedded-hal` types its pins by mode (an input and an output are
//! different types), so a pin is registered with what it can do:
//! [`HalBoard::add_output`], [`HalBoard::add_input`], or
//! [`HalBoard::add_io`] for a pin that is both (a flex or open-drain pin).
//! `gpio:set_pin_mode/2` then checks the request against that
//! (`{error, enotsup}` for an output-only pin made an input); pulls are
//! whatever the firmware configured.

use alloc::boxed::Box;
use embedded_hal::digital::{InputPin, OutputPin};
use embedded_hal::i2c::I2c;
use embedded_hal::spi::SpiDevice;
use gluon_vm::os::{Peripherals, PinMode, PosixError};
use gluon_vm::vecmap::VecMap;

/// A pin with its mode erased.
trait Pin {
    fn set(&mut self, _high: bool) -> Result<(), PosixError> {
        Err(PosixError::Enotsup)
    }
    fn get(&mut self) -> Result<bool, PosixError> {
        Err(PosixError::Enotsup)
    }
    fn can(&self, mode: PinMode) -> bool;
}

struct Out<P>(P);
struct In<P>(P);
struct InOut<P>(P);

fn set<P: OutputPin>(p: &mut P, high: bool) -> Result<(), PosixError> {
    let r = if high { p.set_high() } else { p.set_low() };
    r.map_err(|_| PosixError::Eio)
}

impl<P: OutputPin> Pin for Out<P> {
    fn set(&mut self, high: bool) -> Result<(), PosixError> {
        set(&mut self.0, high)
    }
    fn can(&self, mode: PinMode) -> bool {
        mode == PinMode::Output
    }
}

impl<P: InputPin> Pin for In<P> {
    fn get(&mut self) -> Result<bool, PosixError> {
        self.0.is_high().map_err(|_| PosixError::Eio)
    }
    fn can(&self, mode: PinMode) -> bool {
        mode != PinMode::Output
    }
}

impl<P: InputPin + OutputPin> Pin for InOut<P> {
    fn set(&mut self, high: bool) -> Result<(), PosixError> {
        set(&mut self.0, high)
    }
    fn get(&mut self) -> Result<bool, PosixError> {
        self.0.is_high().map_err(|_| PosixError::Eio)
    }
    fn can(&self, _: PinMode) -> bool {
        true
    }
}

/// An I²C bus with its error type erased.
trait Bus {
    fn write_read(&mut self, addr: u8, w: &[u8], r: &mut [u8]) -> Result<(), PosixError>;
}

impl<B: I2c> Bus for B {
    fn write_read(&mut self, addr: u8, w: &[u8], r: &mut [u8]) -> Result<(), PosixError> {
        let res = match (w.is_empty(), r.is_empty()) {
            (true, true) => Ok(()),
            (false, true) => self.write(addr, w),
            (true, false) => self.read(addr, r),
            (false, false) => I2c::write_read(self, addr, w, r),
        };
        res.map_err(|_| PosixError::Eio)
    }
}

/// An SPI device with its error type erased.
trait Spi {
    fn transfer(&mut self, data: &mut [u8]) -> Result<(), PosixError>;
}

impl<D: SpiDevice> Spi for D {
    fn transfer(&mut self, data: &mut [u8]) -> Result<(), PosixError> {
        self.transfer_in_place(data).map_err(|_| PosixError::Eio)
    }
}

/// A serial port with its error type erased.
trait Serial {
    fn write(&mut self, data: &[u8]) -> Result<usize, PosixError>;
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, PosixError>;
}

impl<U: embedded_io::Read + embedded_io::Write + embedded_io::ReadReady> Serial for U {
    fn write(&mut self, data: &[u8]) -> Result<usize, PosixError> {
        embedded_io::Write::write(self, data).map_err(|_| PosixError::Eio)
    }
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, PosixError> {
        // Only what has arrived: `read` would block on an empty port.
        if !self.read_ready().map_err(|_| PosixError::Eio)? {
            return Ok(0);
        }
        embedded_io::Read::read(self, buf).map_err(|_| PosixError::Eio)
    }
}

struct PinSlot {
    pin: Box<dyn Pin>,
    mode: Option<PinMode>,
}

/// A board's peripherals as `embedded-hal` drivers, numbered for Erlang.
#[derive(Default)]
pub struct HalBoard {
    pins: VecMap<u32, PinSlot>,
    i2c: VecMap<u32, Box<dyn Bus>>,
    spi: VecMap<u32, Box<dyn Spi>>,
    uart: VecMap<u32, Box<dyn Serial>>,
}

impl HalBoard {
    /// A board with nothing registered.
    pub fn new() -> HalBoard {
        HalBoard::default()
    }

    fn add_pin(&mut self, n: u32, pin: Box<dyn Pin>) {
        self.pins.insert(n, PinSlot { pin, mode: None });
    }

    /// Registers an output pin as GPIO `n`.
    pub fn add_output<P: OutputPin + 'static>(&mut self, n: u32, pin: P) {
        self.add_pin(n, Box::new(Out(pin)));
    }

    /// Registers an input pin as GPIO `n`.
    pub fn add_input<P: InputPin + 'static>(&mut self, n: u32, pin: P) {
        self.add_pin(n, Box::new(In(pin)));
    }

    /// Registers a pin that is both input and output as GPIO `n`.
    pub fn add_io<P: InputPin + OutputPin + 'static>(&mut self, n: u32, pin: P) {
        self.add_pin(n, Box::new(InOut(pin)));
    }

    /// Registers an I²C bus as bus `n` (`i2c:open([{peripheral, n}])`).
    pub fn add_i2c<B: I2c + 'static>(&mut self, n: u32, bus: B) {
        self.i2c.insert(n, Box::new(bus));
    }

    /// Registers an SPI device (bus and chip select) as device `n`.
    pub fn add_spi<D: SpiDevice + 'static>(&mut self, n: u32, dev: D) {
        self.spi.insert(n, Box::new(dev));
    }

    /// Registers a serial port as UART `n`.
    pub fn add_uart<U>(&mut self, n: u32, port: U)
    where
        U: embedded_io::Read + embedded_io::Write + embedded_io::ReadReady + 'static,
    {
        self.uart.insert(n, Box::new(port));
    }
}

/// `Enodev` is not among the names: a peripheral the board does not have
/// is `enoent`, as a missing device file would be.
const MISSING: PosixError = PosixError::Enoent;

impl Peripherals for HalBoard {
    fn gpio_set_mode(&mut self, pin: u32, mode: PinMode) -> Result<(), PosixError> {
        let slot = self.pins.get_mut(&pin).ok_or(MISSING)?;
        if !slot.pin.can(mode) {
            return Err(PosixError::Enotsup);
        }
        slot.mode = Some(mode);
        Ok(())
    }

    fn gpio_write(&mut self, pin: u32, high: bool) -> Result<(), PosixError> {
        let slot = self.pins.get_mut(&pin).ok_or(MISSING)?;
        if slot.mode.is_some_and(|m| m != PinMode::Output) {
            return Err(PosixError::Einval);
        }
        slot.pin.set(high)
    }

    fn gpio_read(&mut self, pin: u32) -> Result<bool, PosixError> {
        self.pins.get_mut(&pin).ok_or(MISSING)?.pin.get()
    }

    fn i2c_write_read(
        &mut self,
        bus: u32,
        addr: u16,
        write: &[u8],
        read: &mut [u8],
    ) -> Result<(), PosixError> {
        let addr = u8::try_from(addr).map_err(|_| PosixError::Einval)?;
        self.i2c
            .get_mut(&bus)
            .ok_or(MISSING)?
            .write_read(addr, write, read)
    }

    fn spi_transfer(&mut self, bus: u32, data: &mut [u8]) -> Result<(), PosixError> {
        self.spi.get_mut(&bus).ok_or(MISSING)?.transfer(data)
    }

    fn uart_write(&mut self, port: u32, data: &[u8]) -> Result<usize, PosixError> {
        self.uart.get_mut(&port).ok_or(MISSING)?.write(data)
    }

    fn uart_read(&mut self, port: u32, buf: &mut [u8]) -> Result<usize, PosixError> {
        self.uart.get_mut(&port).ok_or(MISSING)?.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::rc::Rc;
    use core::cell::Cell;
    use core::convert::Infallible;
    use embedded_hal::digital::ErrorType;

    /// An output that records its level on a shared wire.
    struct Led(Rc<Cell<bool>>);
    /// An input that reads a shared wire.
    struct Button(Rc<Cell<bool>>);

    impl ErrorType for Led {
        type Error = Infallible;
    }
    impl OutputPin for Led {
        fn set_low(&mut self) -> Result<(), Infallible> {
            self.0.set(false);
            Ok(())
        }
        fn set_high(&mut self) -> Result<(), Infallible> {
            self.0.set(true);
            Ok(())
        }
    }
    impl ErrorType for Button {
        type Error = Infallible;
    }
    impl InputPin for Button {
        fn is_high(&mut self) -> Result<bool, Infallible> {
            Ok(self.0.get())
        }
        fn is_low(&mut self) -> Result<bool, Infallible> {
            Ok(!self.0.get())
        }
    }

    #[test]
    fn pins_do_what_their_types_allow() {
        let (led, button) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
        let mut b = HalBoard::new();
        b.add_output(2, Led(led.clone()));
        b.add_input(4, Button(button.clone()));
        assert_eq!(b.gpio_set_mode(2, PinMode::Output), Ok(()));
        assert_eq!(b.gpio_write(2, true), Ok(()));
        assert!(led.get());
        assert_eq!(b.gpio_set_mode(2, PinMode::Input), Err(PosixError::Enotsup));
        assert_eq!(b.gpio_read(2), Err(PosixError::Enotsup));
        assert_eq!(b.gpio_set_mode(4, PinMode::InputPullUp), Ok(()));
        button.set(true);
        assert_eq!(b.gpio_read(4), Ok(true));
        assert_eq!(b.gpio_write(4, true), Err(PosixError::Einval));
        assert_eq!(b.gpio_write(9, true), Err(PosixError::Enoent));
        let mut buf = [0; 2];
        assert_eq!(
            b.i2c_write_read(0, 0x48, &[0], &mut buf),
            Err(PosixError::Enoent)
        );
    }
}
