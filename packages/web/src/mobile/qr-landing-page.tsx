import {
  ApartmentOutlined,
  BorderOutlined,
  HomeOutlined,
  LoginOutlined,
  PhoneOutlined,
  SafetyCertificateFilled,
  UserOutlined,
} from '@ant-design/icons';
import type { PublicHousehold } from '@fengqiao/shared';
import { Alert, Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../app/auth-context';
import { LanguageSwitch } from '../app/language-switch';
import { fetchPublicHousehold, resolveQrCode } from '../features/households/api';
import { ApiError, errorMessage, isAbort } from '../lib/api-client';
import './qr-landing.css';

const CODE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

type View =
  | { kind: 'loading' }
  | { kind: 'public'; info: PublicHousehold; signedInButNotAllowed: boolean }
  | { kind: 'invalid' }
  | { kind: 'error'; error: unknown };

function Row({
  icon,
  label,
  value,
  testId,
}: {
  icon: ReactNode;
  label: string;
  value: ReactNode;
  testId: string;
}) {
  return (
    <div className="fq-qr-row">
      {icon}
      <div>
        <div className="fq-qr-label">{label}</div>
        <div className="fq-qr-value" data-testid={testId}>
          {value}
        </div>
      </div>
    </div>
  );
}

/**
 * `/h/:code`, what a door plate's QR code opens. Staff who may see the household go straight to its
 * file; anyone else (not signed in, or not their area) sees who looks after the grid, never who lives
 * there.
 */
export function QrLandingPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { me, status, can } = useAuth();
  const navigate = useNavigate();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const signedIn = !!me && !me.totpEnrollmentRequired;
  const mayRead = signedIn && can('household.read');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger
  useEffect(() => {
    if (status === 'loading') return;
    if (!CODE_PATTERN.test(code)) {
      setView({ kind: 'invalid' });
      return;
    }
    const controller = new AbortController();
    const { signal } = controller;
    setView({ kind: 'loading' });
    (async () => {
      if (mayRead) {
        try {
          const { householdId } = await resolveQrCode(code, signal);
          navigate(`/households/${householdId}`, { replace: true });
          return;
        } catch (err) {
          if (isAbort(err) || signal.aborted) return;
          // 404 (not theirs, or no such plate), 403 or 401: fall back to the public page.
        }
      }
      try {
        const info = await fetchPublicHousehold(code, signal);
        if (!signal.aborted) setView({ kind: 'public', info, signedInButNotAllowed: mayRead });
      } catch (err) {
        if (isAbort(err) || signal.aborted) return;
        if (err instanceof ApiError && (err.status === 404 || err.status === 400))
          setView({ kind: 'invalid' });
        else setView({ kind: 'error', error: err });
      }
    })();
    return () => controller.abort();
  }, [code, status, mayRead, navigate, attempt]);

  let body: ReactNode;
  if (view.kind === 'loading') {
    body = (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin description={mayRead ? t('qr.opening') : t('app.loading')} />
      </Flex>
    );
  } else if (view.kind === 'invalid') {
    body = (
      <Result
        status="warning"
        title={t('qr.invalid')}
        subTitle={t('qr.invalidDetail')}
        style={{ padding: 16 }}
      />
    );
  } else if (view.kind === 'error') {
    body = (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(view.error)}
        extra={<Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>}
        style={{ padding: 16 }}
      />
    );
  } else {
    const { info } = view;
    body = (
      <>
        {view.signedInButNotAllowed ? (
          <Alert type="info" showIcon title={t('qr.notYours')} style={{ marginBottom: 8 }} />
        ) : null}
        <Row
          icon={<ApartmentOutlined />}
          label={t('qr.community')}
          value={info.community}
          testId="qr-community"
        />
        <Row
          icon={<BorderOutlined />}
          label={t('qr.grid')}
          value={info.gridName ?? t('qr.gridPending')}
          testId="qr-grid"
        />
        <Row
          icon={<UserOutlined />}
          label={t('qr.officer')}
          value={info.officerName ?? t('qr.notAssigned')}
          testId="qr-officer"
        />
        <Row
          icon={<PhoneOutlined />}
          label={t('qr.officerPhone')}
          value={
            info.officerPhone ? (
              <a href={`tel:${info.officerPhone}`}>{info.officerPhone}</a>
            ) : (
              t('qr.notAssigned')
            )
          }
          testId="qr-officer-phone"
        />
        <Row
          icon={<HomeOutlined />}
          label={t('qr.station')}
          value={info.stationName ?? t('qr.notAssigned')}
          testId="qr-station"
        />
        <Alert type="success" showIcon title={t('qr.contact')} style={{ marginTop: 12 }} />
      </>
    );
  }

  return (
    <div className="fq-qr-page" data-testid="qr-public-page" data-view={view.kind}>
      <div className="fq-qr-top">
        <LanguageSwitch size="small" />
      </div>
      <div className="fq-qr-brand">
        <SafetyCertificateFilled style={{ fontSize: 40 }} />
        <h1>{t('qr.title')}</h1>
        <p>{t('qr.subtitle')}</p>
      </div>
      <Card className="fq-qr-card">
        {body}
        {view.kind === 'loading' ? null : (
          <div style={{ marginTop: 16 }}>
            {signedIn ? (
              <Link to="/">
                <Button block size="large" data-testid="qr-home">
                  {t('errors.backHome')}
                </Button>
              </Link>
            ) : (
              <Link to={`/login?next=${encodeURIComponent(`/h/${code}`)}`}>
                <Button block size="large" type="primary" icon={<LoginOutlined />} data-testid="qr-login">
                  {t('qr.staffLogin')}
                </Button>
              </Link>
            )}
          </div>
        )}
      </Card>
      <Typography.Paragraph className="fq-qr-footer">{t('qr.privacy')}</Typography.Paragraph>
    </div>
  );
}

export default QrLandingPage;
