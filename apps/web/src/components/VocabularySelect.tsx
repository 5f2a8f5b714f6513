import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vocabEn } from '../locales/vocab.en';
import type { VocabularyKind } from '../locales/vocab-codes';

/** The codes of one kind, in the vocabulary's order. */
export function vocabularyCodes<K extends VocabularyKind>(kind: K): (keyof (typeof vocabEn)[K])[] {
  return Object.keys(vocabEn[kind]) as (keyof (typeof vocabEn)[K])[];
}

/** Codes as their labels in the reader's language ("Peanuts, Shellfish"); an unknown code shows as it is. */
export function useVocabularyLabels(): (kind: VocabularyKind, codes: readonly string[] | undefined | null) => string {
  const { t } = useTranslation();
  return (kind, codes) => (codes ?? []).map((c) => t(`vocab.${kind}.${c}`, { defaultValue: c })).join(', ');
}

/**
 * A multi-select of the vocabulary's codes as a group of checkboxes (every choice visible, one click each, named for
 * screen readers), labelled in the reader's language: the rules compare these codes, never free text.
 */
export function VocabularySelect({ kind, label, description, value, onChange, error }: {
  kind: VocabularyKind; label: string; description?: string; value: string[]; onChange: (codes: string[]) => void; error?: string;
}) {
  const { t } = useTranslation();
  const data = vocabularyCodes(kind).map((c) => ({ value: String(c), label: t(`vocab.${kind}.${String(c)}`) }));
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={4} mt={4}>
        {data.map((d) => <Checkbox key={d.value} value={d.value} label={d.label} size="xs" />)}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
