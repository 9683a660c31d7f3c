import {
  ShepherdNamespace,
  ShepherdTemplate,
  TemplateSourceType,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { titleWithName } from '../common';
import { ChoiceList } from './ChoiceList';

export const TEMPLATE_LABEL = 'Template';
export const NO_TEMPLATES_TITLE = 'No templates offered here';

/** How each source of a template's disk reads. */
export const TEMPLATE_SOURCE_LABELS: Record<TemplateSourceType, string> = {
  containerdisk: 'container disk (ephemeral image)',
  cdi_image_import: 'imported disk image',
  cdi_pvc_clone: 'clone of a golden disk',
};

/** The operating system: a template is image, OS and cloud-init, never hardware. */
export function TemplateStep(props: {
  namespace: ShepherdNamespace;
  templates: ShepherdTemplate[];
  value?: string;
  onChange: (templateId: string) => void;
  error?: string;
}) {
  const { namespace, templates, value, onChange, error } = props;
  return (
    <ChoiceList
      label={TEMPLATE_LABEL}
      value={value}
      onChange={onChange}
      error={error}
      empty={{
        title: NO_TEMPLATES_TITLE,
        description: `No active operating-system template is offered in the ${namespace.environment} environment of ${namespace.name}. Your platform team publishes templates for each environment.`,
      }}
      choices={templates.map(template => ({
        value: template.id,
        title: titleWithName(template),
        details: [
          `${template.osFamily} ${template.osVersion}`.trim(),
          TEMPLATE_SOURCE_LABELS[template.sourceType] ?? template.sourceType,
          template.description,
        ]
          .filter(Boolean)
          .join(' · '),
      }))}
    />
  );
}
