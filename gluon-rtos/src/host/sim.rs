//! Simulated peripherals for the host, built from `embedded-hal` drivers
//! so that they go through the same [`HalBoard`] adapter as a real board:
//!
//! - GPIO 0..=39: each pin is a wire that reads back the last level driven
//!   on it (low at start); every change is printed to standard error as
//!   `gpio: pin N high|low`.
//! - I²C bus 0: a temperature sensor at 0x48 (register 0 reads 25.0 °C
//!   in the TMP102 format, `<<16#19, 16#00>>`) and a 256-byte memory at
//!   0x50 (write `[Reg | Data]` stores, write `[Reg]` then read returns
//!   from `Reg` on). Other addresses do not acknowledge (`{error, eio}`).
//! - SPI device 0: MISO wired to MOSI (a transfer returns what it sent).
//! - UART 0 and 1: loopback ports (what is written comes back on read).

use crate::hal::HalBoard;
use core::convert::Infallible;
use embedded_hal::digital::{ErrorType as PinErrors, InputPin, OutputPin};
use embedded_hal::i2c::{ErrorKind, ErrorType as I2cErrors, I2c, NoAcknowledgeSource, Operation};
use embedded_hal::spi::{ErrorType as SpiErrors, Operation as SpiOp, SpiDevice};
use std::collections::VecDeque;
use std::eprintln;

struct SimPin {
    n: u32,
    high: bool,
}

impl PinErrors for SimPin {
    type Error = Infallible;
}

impl OutputPin for SimPin {
    fn set_low(&mut self) -> Result<(), Infallible> {
        self.drive(false);
        Ok(())
    }
    fn set_high(&mut self) -> Result<(), Infallible> {
        self.drive(true);
        Ok(())
    }
}

impl InputPin for SimPin {
    fn is_high(&mut self) -> Result<bool, Infallible> {
        Ok(self.high)
    }
    fn is_low(&mut self) -> Result<bool, Infallible> {
        Ok(!self.high)
    }
}

impl SimPin {
    fn drive(&mut self, high: bool) {
        if high != self.high {
            super::flush_stdout();
            eprintln!("gpio: pin {} {}", self.n, if high { "high" } else { "low" });
        }
        self.high = high;
    }
}

/// The devices of simulated I²C bus 0.
struct SimI2c {
    memory: [u8; 256],
    /// The memory's register pointer.
    at: u8,
}

const SENSOR: u8 = 0x48;
const MEMORY: u8 = 0x50;

impl I2cErrors for SimI2c {
    type Error = ErrorKind;
}

impl I2c for SimI2c {
    fn transaction(&mut self, addr: u8, ops: &mut [Operation<'_>]) -> Result<(), ErrorKind> {
        if addr != SENSOR && addr != MEMORY {
            return Err(ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address));
        }
        for op in ops {
            match op {
                Operation::Write(w) if addr == MEMORY => {
                    if let Some((&reg, data)) = w.split_first() {
                        self.at = reg;
                        for &b in data {
                            self.memory[self.at as usize] = b;
                            self.at = self.at.wrapping_add(1);
                        }
                    }
                }
                Operation::Write(_) => {}
                Operation::Read(r) if addr == MEMORY => {
                    for b in r.iter_mut() {
                        *b = self.memory[self.at as usize];
                        self.at = self.at.wrapping_add(1);
                    }
                }
                Operation::Read(r) => {
                    // 25.0 °C: 12 bits, 1/16 °C per bit, left-aligned.
                    for (b, v) in r.iter_mut().zip([0x19u8, 0x00].iter().cycle()) {
                        *b = *v;
                    }
                }
            }
        }
        Ok(())
    }
}

/// SPI with MISO wired to MOSI.
struct SimSpi;

impl SpiErrors for SimSpi {
    type Error = Infallible;
}

impl SpiDevice for SimSpi {
    fn transaction(&mut self, ops: &mut [SpiOp<'_, u8>]) -> Result<(), Infallible> {
        for op in ops {
            match op {
                SpiOp::Transfer(r, w) => {
                    for (i, b) in r.iter_mut().enumerate() {
                        *b = w.get(i).copied().unwrap_or(0);
                    }
                }
                SpiOp::Read(r) => r.fill(0),
                // In place: what went out comes back unchanged.
                SpiOp::TransferInPlace(_) | SpiOp::Write(_) | SpiOp::DelayNs(_) => {}
            }
        }
        Ok(())
    }
}

/// A serial port whose output comes back as its input.
#[derive(Default)]
struct Loopback(VecDeque<u8>);

impl embedded_io::ErrorType for Loopback {
    type Error = Infallible;
}

impl embedded_io::Read for Loopback {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Infallible> {
        let n = buf.len().min(self.0.len());
        for (d, s) in buf.iter_mut().zip(self.0.drain(..n)) {
            *d = s;
        }
        Ok(n)
    }
}

impl embedded_io::ReadReady for Loopback {
    fn read_ready(&mut self) -> Result<bool, Infallible> {
        Ok(!self.0.is_empty())
    }
}

impl embedded_io::Write for Loopback {
    fn write(&mut self, data: &[u8]) -> Result<usize, Infallible> {
        self.0.extend(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
}

/// The simulated board described above.
pub fn board() -> HalBoard {
    let mut b = HalBoard::new();
    for n in 0..40 {
        b.add_io(n, SimPin { n, high: false });
    }
    b.add_i2c(
        0,
        SimI2c {
            memory: [0; 256],
            at: 0,
        },
    );
    b.add_spi(0, SimSpi);
    b.add_uart(0, Loopback::default());
    b.add_uart(1, Loopback::default());
    b
}
