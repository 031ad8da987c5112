// The time slider: the date the links are valid on, from 1 January 2015 to today; "Today" returns to the default.
import type { Action } from '../state/explorer-state.js';

const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAY = 86_400_000;

export function dayToIso(day: number): string {
  return new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10);
}
export function isoToDay(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - FIRST_DAY) / DAY);
}
export function todayIso(now = Date.now()): string {
  return dayToIso(Math.floor((now - FIRST_DAY) / DAY));
}

export interface TimeSlider {
  sync(asOf: string | null): void;
}

export function mountTimeSlider(
  slider: HTMLInputElement,
  label: HTMLElement,
  today: HTMLButtonElement,
  dispatch: (a: Action) => void,
): TimeSlider {
  const todayDay = () => isoToDay(todayIso());
  slider.addEventListener('input', () => {
    label.textContent = dayToIso(Number(slider.value));
  });
  slider.addEventListener('change', () => {
    const day = Number(slider.value);
    dispatch({ type: 'set-date', asOf: day >= todayDay() ? null : dayToIso(day) });
  });
  today.addEventListener('click', () => dispatch({ type: 'set-date', asOf: null }));
  return {
    sync(asOf) {
      slider.max = String(todayDay());
      slider.value = String(asOf ? isoToDay(asOf) : todayDay());
      label.textContent = asOf ?? `today (${todayIso()})`;
    },
  };
}
