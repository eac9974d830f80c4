// The active-method switch: each method is ACTIVE, CONFIGURED or NOT_CONFIGURED, and at most one is active.

export type MethodState = 'ACTIVE' | 'CONFIGURED' | 'NOT_CONFIGURED';

export interface MethodChoice {
  method: 'MPESA' | 'KOPOKOPO' | null;
  label: string;
  enabled: boolean;
  reason: string | null;
}

export function methodSwitch(mpesa: MethodState, kopokopo: MethodState): MethodChoice[] {
  const choice = (method: 'MPESA' | 'KOPOKOPO', name: string, state: MethodState): MethodChoice => ({
    method,
    label: `Use ${name}`,
    enabled: state === 'CONFIGURED',
    reason: state === 'ACTIVE' ? `${name} is already active.` : state === 'NOT_CONFIGURED' ? `Save ${name}'s settings first.` : null,
  });
  const anyActive = mpesa === 'ACTIVE' || kopokopo === 'ACTIVE';
  return [
    choice('MPESA', 'M-Pesa', mpesa),
    choice('KOPOKOPO', 'Kopo Kopo', kopokopo),
    { method: null, label: 'Stop taking payments', enabled: anyActive, reason: anyActive ? null : 'No method is active.' },
  ];
}
