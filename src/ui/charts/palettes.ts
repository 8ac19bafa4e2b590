/** Line colours of the trend charts (each at least 3:1 against white, as graphics must be). */

/** Overall score and the drivers. */
export const DRIVER_COLOURS = ['#1d5c8c', '#2f8a4c', '#b0541b', '#7b4fa0', '#b07d12', '#3a7a7a'];
/**
 * The wheel's phases: none of the drivers' colours, so "Organisering" the phase is never drawn in
 * the colour of "Organisering" the driver in the chart above it (or in another).
 */
export const PHASE_COLOURS = ['#2b7a78', '#a23b72', '#6b6f12', '#4a5563'];
