// Page object for a lesson page: the controls, readouts and assignments a learner uses, so
// specs read as user journeys rather than selectors.
import { expect, type Locator, type Page } from '@playwright/test';

export class LessonPage {
  readonly heading: Locator;
  readonly controls: Locator;
  readonly readout: Locator;
  readonly assignments: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.controls = page.getByRole('complementary', { name: 'Controls' });
    this.readout = page
      .getByRole('group', { name: 'Run figures' })
      .or(page.locator('dl.readout'))
      .first();
    this.assignments = page
      .getByRole('region', { name: 'Assignments' })
      .or(page.locator('section.assignments'))
      .first();
  }

  async open(lessonId: string, query = ''): Promise<void> {
    await this.page.goto(`/lessons/${lessonId}${query ? `?${query}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  /** A figure from the readout under the animation, as a number. */
  async figure(label: string): Promise<number> {
    const dd = this.page.locator('dl.readout').first().locator(`dt:text-is("${label}") + dd`);
    const text = (await dd.textContent()) ?? '';
    return Number(text.replace(/[^0-9.]/g, ''));
  }

  async simulatedTime(): Promise<number> {
    return this.figure('Simulated time');
  }

  async selectParam(label: string, value: string): Promise<void> {
    await this.controls.getByRole('combobox', { name: label }).first().selectOption(value);
  }

  async fillText(label: string, value: string): Promise<void> {
    const box = this.controls.getByRole('textbox', { name: label }).first();
    await box.fill(value);
    await box.press('Enter');
    await box.blur();
  }

  assignment(title: string): Locator {
    return this.page
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
  }
}
