import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdApiRequestBody,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdService,
  ShepherdTemplate,
  TicketSubmission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Step from '@material-ui/core/Step';
import StepButton from '@material-ui/core/StepButton';
import StepContent from '@material-ui/core/StepContent';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  ShepherdErrorPanel,
  formatCpu,
  formatDisk,
  formatMemory,
  titleWithName,
  useAction,
} from '../common';
import { DetailsStep } from './DetailsStep';
import { unusableReasonsOf } from './InstanceSizeFacts';
import { InstanceSizeStep } from './InstanceSizeStep';
import { Loaded } from './Loaded';
import { NamespaceStep } from './NamespaceStep';
import {
  NoRequestAccess,
  REQUESTING_ROLES,
  useRequestableSystems,
} from './requestAccess';
import { readRequestVmStart } from './requestVmParams';
import {
  DetailFields,
  FieldErrors,
  WIZARD_STEPS,
  WizardField,
  checkTargets,
  fieldErrorsOf,
  firstStepWith,
  probableVmName,
  targetValue,
} from './requestVmRules';
import { ReviewStep } from './ReviewStep';
import { ServiceStep } from './ServiceStep';
import { SubmittedCard } from './SubmittedCard';
import { TemplateStep } from './TemplateStep';
import { useWizardCatalogs } from './useWizardCatalogs';
import { useWizardStart } from './useWizardStart';

export const NEXT_LABEL = 'Next';
export const BACK_LABEL = 'Back';
export const SUBMIT_LABEL = 'Submit request';
export const NOT_ACCEPTED_TITLE = 'The request was not accepted';
export const START_NOT_REQUESTABLE = `You cannot request VMs for the linked System or Service: requesting needs the ${REQUESTING_ROLES} role in its System. Choose one of your Systems instead.`;

const STEP_BUTTON_STYLE = { textAlign: 'left' } as const;

const EMPTY_FIELDS: DetailFields = {
  targetCpuCores: '',
  targetMemoryGi: '',
  targetDiskGb: '',
  sshPublicKey: '',
  reason: '',
};

/** The choices of the wizard, by id (namespaces by name, as the API takes them). */
type Choice = {
  systemId?: string;
  serviceId?: string;
  namespace?: string;
  templateId?: string;
  instanceSizeId?: string;
};

/** The request the choices make, once every step is complete. */
function toRequest(
  service: ShepherdService,
  namespace: ShepherdNamespace,
  template: ShepherdTemplate,
  size: ShepherdInstanceSize,
  fields: DetailFields,
): ShepherdApiRequestBody<'RequestVm'> {
  const request: ShepherdApiRequestBody<'RequestVm'> = {
    serviceId: service.id,
    namespace: namespace.name,
    templateId: template.id,
    instanceSizeId: size.id,
    reason: fields.reason.trim(),
  };
  const cpu = targetValue(fields.targetCpuCores);
  const memory = targetValue(fields.targetMemoryGi);
  const disk = targetValue(fields.targetDiskGb);
  if (cpu !== undefined) request.targetCpuCores = cpu;
  if (memory !== undefined) request.targetMemoryGi = memory;
  if (disk !== undefined) request.targetDiskGb = disk;
  if (fields.sshPublicKey.trim()) request.sshPublicKey = fields.sshPublicKey;
  return request;
}

function StepActions(props: {
  index: number;
  canContinue: boolean;
  onBack: () => void;
  onNext: () => void;
}) {
  return (
    <Box mt={2} display="flex" style={{ gap: 8 }}>
      {props.index > 0 && <Button onClick={props.onBack}>{BACK_LABEL}</Button>}
      <Button
        variant="contained"
        color="primary"
        disabled={!props.canContinue}
        onClick={props.onNext}
      >
        {NEXT_LABEL}
      </Button>
    </Box>
  );
}

/**
 * The Request a VM wizard: System and Service, namespace, template, instance size, optional
 * targets and a reason, then a review and the submission, which becomes a ticket waiting for
 * an approver. It starts from `?serviceId=`, `?systemId=`, `?service=` or `?system=`.
 */
export function RequestVmPage() {
  const api = useApi(shepherdApiRef);
  const [params] = useSearchParams();
  const start = useMemo(() => readRequestVmStart(params), [params]);
  const resolvedStart = useWizardStart(start);

  const [choice, setChoice] = useState<Choice>({});
  const [fields, setFields] = useState<DetailFields>(EMPTY_FIELDS);
  const [activeStep, setActiveStep] = useState(0);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [submission, setSubmission] = useState<TicketSubmission>();
  const submit = useAction((request: ShepherdApiRequestBody<'RequestVm'>) =>
    api.requestVm(request),
  );
  const catalogs = useWizardCatalogs(choice);
  const requestable = useRequestableSystems(catalogs.systems.value);
  // Without an answer on the Systems, all of them are offered: the backend decides.
  const offeredSystems =
    requestable.value ??
    (requestable.error ? catalogs.systems.value : undefined);
  const startSystemId = resolvedStart.value?.systemId;
  const startRefused =
    startSystemId !== undefined &&
    offeredSystems !== undefined &&
    !offeredSystems.some(system => system.id === startSystemId);

  // A resolved start the user may request for chooses the System (and Service) and moves
  // past what it chose, once.
  const startApplied = useRef(false);
  useEffect(() => {
    const value = resolvedStart.value;
    if (
      startApplied.current ||
      !value?.systemId ||
      !offeredSystems?.some(system => system.id === value.systemId)
    ) {
      return;
    }
    startApplied.current = true;
    setChoice(current => ({ ...current, ...value }));
    if (value.serviceId) {
      setActiveStep(1);
    }
  }, [resolvedStart.value, offeredSystems]);

  const service = catalogs.services.value?.find(
    candidate => candidate.id === choice.serviceId,
  );
  // Only namespaces whose environment the chosen System takes requests of the user in;
  // without an answer on the environments, all of them: the backend decides.
  const { environmentsOf } = requestable;
  const offeredNamespaces = (namespaces: ShepherdNamespace[]) => {
    if (!environmentsOf || !choice.systemId) return namespaces;
    const environments = environmentsOf(choice.systemId);
    return namespaces.filter(candidate =>
      environments.includes(candidate.environment),
    );
  };
  const namespace = offeredNamespaces(catalogs.namespaces.value ?? []).find(
    candidate => candidate.name === choice.namespace,
  );
  const template = catalogs.templates.value?.find(
    candidate => candidate.id === choice.templateId,
  );
  const size = catalogs.instanceSizes.value?.find(
    candidate => candidate.id === choice.instanceSizeId,
  );
  const targetErrors = checkTargets(fields, size);
  const errors: FieldErrors = { ...serverErrors, ...targetErrors };
  const complete = [
    Boolean(service),
    Boolean(namespace),
    Boolean(template),
    size !== undefined &&
      unusableReasonsOf(size, namespace?.environment).length === 0,
    Boolean(fields.reason.trim()) && Object.keys(targetErrors).length === 0,
    false,
  ];
  const reachable = (index: number) => complete.slice(0, index).every(Boolean);

  const clearServerError = (...names: WizardField[]) =>
    setServerErrors(current => {
      const next = { ...current };
      names.forEach(name => delete next[name]);
      return next;
    });
  const choose = (update: Choice, ...cleared: WizardField[]) => {
    setChoice(current => ({ ...current, ...update }));
    clearServerError(...cleared);
  };
  const setField = (name: keyof DetailFields, value: string) => {
    setFields(current => ({ ...current, [name]: value }));
    clearServerError(name);
  };

  const onSubmit = async () => {
    if (!service || !namespace || !template || !size) return;
    const result = await submit.run(
      toRequest(service, namespace, template, size, fields),
    );
    if (result) {
      setSubmission(result);
      setServerErrors({});
      return;
    }
  };
  // A refused request marks the fields the backend names and opens the first of their steps.
  useEffect(() => {
    if (!submit.error) return;
    const mapped = fieldErrorsOf(submit.error);
    setServerErrors(mapped);
    const step = firstStepWith(mapped);
    if (step !== undefined) {
      setActiveStep(step);
    }
  }, [submit.error]);

  if (resolvedStart.loading) {
    return <Progress />;
  }
  if (submission && service && namespace) {
    return (
      <SubmittedCard
        submission={submission}
        probableName={probableVmName(namespace.name, service).name}
        onRequestAnother={() => {
          setSubmission(undefined);
          submit.reset();
          setFields(EMPTY_FIELDS);
          setActiveStep(4);
        }}
      />
    );
  }

  const summaries: Array<string | undefined> = [
    service ? `${service.systemName} / ${service.name}` : undefined,
    namespace ? `${namespace.name} (${namespace.environment})` : undefined,
    template ? titleWithName(template) : undefined,
    size ? titleWithName(size) : undefined,
    size && complete[4]
      ? [
          formatCpu(targetValue(fields.targetCpuCores) ?? size.cpuCores),
          formatMemory(targetValue(fields.targetMemoryGi) ?? size.memoryGi),
          formatDisk(targetValue(fields.targetDiskGb) ?? size.diskGb),
        ].join(' · ')
      : undefined,
    undefined,
  ];

  const bodies: Array<() => ReactNode> = [
    () => (
      <ServiceStep
        systems={offeredSystems ?? []}
        services={catalogs.services}
        systemId={choice.systemId}
        serviceId={choice.serviceId}
        onSystem={systemId =>
          choose({ systemId, serviceId: undefined }, 'service')
        }
        onService={serviceId => choose({ serviceId }, 'service')}
        error={errors.service}
      />
    ),
    () => (
      <Loaded state={catalogs.namespaces} what="the namespaces">
        {namespaces => (
          <NamespaceStep
            namespaces={offeredNamespaces(namespaces)}
            value={choice.namespace}
            onChange={name =>
              choose(
                { namespace: name },
                'namespace',
                'template',
                'instanceSize',
              )
            }
            error={errors.namespace}
          />
        )}
      </Loaded>
    ),
    () =>
      namespace && (
        <Loaded state={catalogs.templates} what="the templates">
          {templates => (
            <TemplateStep
              namespace={namespace}
              templates={templates}
              value={choice.templateId}
              onChange={templateId => choose({ templateId }, 'template')}
              error={errors.template}
            />
          )}
        </Loaded>
      ),
    () =>
      namespace && (
        <Loaded state={catalogs.instanceSizes} what="the instance sizes">
          {sizes => (
            <InstanceSizeStep
              namespace={namespace}
              sizes={sizes}
              value={choice.instanceSizeId}
              onChange={instanceSizeId =>
                choose({ instanceSizeId }, 'instanceSize')
              }
              error={errors.instanceSize}
            />
          )}
        </Loaded>
      ),
    () =>
      size && (
        <DetailsStep
          size={size}
          fields={fields}
          onChange={setField}
          errors={errors}
        />
      ),
    () =>
      service &&
      namespace &&
      template &&
      size && (
        <ReviewStep
          service={service}
          namespace={namespace}
          template={template}
          size={size}
          fields={fields}
        />
      ),
  ];

  const isReview = (index: number) => index === WIZARD_STEPS.length - 1;

  return (
    <InfoCard title="Request a virtual machine">
      <Typography variant="body2" paragraph>
        VMs are requested for a Service of a System. An approver reviews every
        request and chooses the cluster the VM runs on; Shepherd names it after
        the namespace, System and Service.
      </Typography>
      {resolvedStart.error && (
        <ShepherdErrorPanel
          title="Could not start from the linked System or Service"
          error={resolvedStart.error}
        />
      )}
      {startRefused && (
        <Box mb={2}>
          <Alert severity="warning">{START_NOT_REQUESTABLE}</Alert>
        </Box>
      )}
      <Loaded state={catalogs.systems} what="your Systems">
        {systems => {
          if (!offeredSystems) {
            return <Progress />;
          }
          if (offeredSystems.length === 0) {
            return <NoRequestAccess systems={systems} />;
          }
          return (
            <Stepper activeStep={activeStep} orientation="vertical" nonLinear>
              {WIZARD_STEPS.map((step, index) => {
                const hasError = (step.fields as readonly WizardField[]).some(
                  field => serverErrors[field],
                );
                return (
                  <Step
                    key={step.id}
                    completed={complete[index] && index !== activeStep}
                  >
                    {/*
                     * StepButton hands `optional` down to the StepLabel it wraps. A button
                     * centres its text, which in a vertical stepper sets the label and its
                     * summary adrift of their icon: they start beside it instead.
                     */}
                    <StepButton
                      style={STEP_BUTTON_STYLE}
                      onClick={() => setActiveStep(index)}
                      disabled={!reachable(index)}
                      optional={
                        index !== activeStep && summaries[index] ? (
                          <Typography variant="caption">
                            {summaries[index]}
                          </Typography>
                        ) : undefined
                      }
                    >
                      <StepLabel error={hasError}>{step.label}</StepLabel>
                    </StepButton>
                    <StepContent>
                      {bodies[index]()}
                      {isReview(index) && submit.error && (
                        // Beside the button: a refusal that names no field of an earlier step.
                        <Box mt={2}>
                          <ShepherdErrorPanel
                            title={NOT_ACCEPTED_TITLE}
                            error={submit.error}
                          />
                        </Box>
                      )}
                      {isReview(index) ? (
                        <Box mt={2} display="flex" style={{ gap: 8 }}>
                          <Button onClick={() => setActiveStep(index - 1)}>
                            {BACK_LABEL}
                          </Button>
                          <Button
                            variant="contained"
                            color="primary"
                            disabled={!reachable(index) || submit.busy}
                            onClick={onSubmit}
                            startIcon={
                              submit.busy ? (
                                <CircularProgress size={16} />
                              ) : undefined
                            }
                          >
                            {SUBMIT_LABEL}
                          </Button>
                        </Box>
                      ) : (
                        <StepActions
                          index={index}
                          canContinue={complete[index]}
                          onBack={() => setActiveStep(index - 1)}
                          onNext={() => setActiveStep(index + 1)}
                        />
                      )}
                    </StepContent>
                  </Step>
                );
              })}
            </Stepper>
          );
        }}
      </Loaded>
    </InfoCard>
  );
}
