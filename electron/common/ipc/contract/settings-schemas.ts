import { z } from 'zod';
import { documentId } from './shared-schemas';
import { FONT_CHOICES, LINE_HEIGHTS, LINE_WIDTHS, PARAGRAPH_SPACINGS, TEXT_SIZES, THEME_CHOICES } from '../../settings/reading-settings';

/** Every reading setting, each one of its few steps; the settings file is read with the same schema. */
export const readingSettingsSchema = z
  .object({
    theme: z.enum(THEME_CHOICES),
    font: z.enum(FONT_CHOICES),
    textSize: z.literal(TEXT_SIZES),
    lineHeight: z.enum(LINE_HEIGHTS),
    lineWidth: z.enum(LINE_WIDTHS),
    paragraphSpacing: z.enum(PARAGRAPH_SPACINGS),
  })
  .strict();

/** Arguments of the settings methods (settings-contract.ts). A change names only what it changes. */
export const SETTINGS_SCHEMAS = {
  getReadingSettings: z.undefined(),
  changeReadingSettings: readingSettingsSchema.partial().strict(),
  getLastDocument: z.undefined(),
  rememberOpenDocument: z.object({ documentId: documentId.nullable() }).strict(),
};
